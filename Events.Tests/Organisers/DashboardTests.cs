using System.Net;
using System.Net.Http.Json;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

public sealed class DashboardTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "2", ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task TheDashboardCountsSeatsWaitingListCancellationsAndArrivals()
    {
        var first = await _app.RegisterAsync("a@example.org", "Ada", "Lovelace");
        await _app.RegisterAsync("g@example.org", "Grace", "Hopper");
        await _app.RegisterAsync("k@example.org", "Katherine", "Johnson");
        var cancelled = await _app.RegisterAsync("m@example.org", "Mary", "Jackson");
        using var admin = await _app.SignedInClientAsync();
        (await admin.DeleteAsync($"/api/v1/registrations/{cancelled.ManageCode}")).EnsureSuccessStatusCode();
        var code = Events.Tests.CheckIn.Tickets.TicketCodeOf(_app, first.ManageCode);
        (await admin.PostAsJsonAsync("/api/v1/checkins", new { code })).EnsureSuccessStatusCode();

        var page = await admin.GetPageAsync("/organisers/dashboard");
        var facts = page.QuerySelectorAll(".facts dd").Take(2).Select(d => d.TextContent.Trim().Split(' ')[0..3]).ToList();
        Assert.Equal(["2", "/", "2"], facts[0]); // confirmed / capacity
        Assert.Equal(["1", "/", "2"], facts[1]); // checked in / confirmed
        Assert.Equal("1", page.QuerySelectorAll(".facts dd")[2].TextContent.Trim()); // waiting
        Assert.Equal("1", page.QuerySelectorAll(".facts dd")[3].TextContent.Trim()); // cancelled
    }

    [Fact]
    public async Task TheExportListsEveryoneAndNeutralisesFormulas()
    {
        await _app.RegisterAsync("ada@example.org", "=HYPERLINK(\"http://evil.example\")", "Lovelace");
        await _app.RegisterAsync("grace@example.org", "Grace", "Hopper, Jr");
        using var admin = await _app.SignedInClientAsync();
        var dashboard = await admin.GetPageAsync("/organisers/dashboard");
        Assert.NotNull(dashboard.QuerySelector("main a[href='/organisers/attendees']")); // searching and exporting live on the list
        var list = await admin.GetPageAsync("/organisers/attendees");
        var export = list.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Export"));
        var response = await admin.SubmitAsync(export, new Dictionary<string, string>(), "/organisers/attendees");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 with a BOM: French spreadsheets read the accents
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal("Nom;Prénom;Adresse électronique;Organisation;Besoins d'accessibilité;Langue;Statut;Inscrit le;Arrivé le", lines[0]);
        Assert.StartsWith("Hopper, Jr;Grace;grace@example.org;Analytical Engines;;français;confirmée;", lines[1]);
        Assert.Matches(@";\d{4}-\d\d-\d\d \d\d:\d\d;$", lines[1]); // a local time, without fractions of a second
        Assert.StartsWith("Lovelace;\"'=HYPERLINK(\"\"http://evil.example\"\")\";", lines[2]); // a formula, neutralised
        using var c = _app.Db.OpenRead();
        Assert.Equal("status=all, sort=name, search=no, rows=2",
            Dapper.SqlMapper.ExecuteScalar<string>(c, "SELECT detail FROM activity WHERE action = 'attendees.exported'")); // exports are recorded
    }

    [Fact]
    public async Task FailedEmailsAreShownAndCanBeQueuedAgain()
    {
        await _app.RegisterAsync("a@example.org");
        using (var c = _app.Db.OpenRead())
            Dapper.SqlMapper.Execute(c, "UPDATE outbox SET status = 'failed', attempts = 10, last_error = 'refused'");
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/dashboard");
        Assert.Contains("0 en attente d'envoi, 1 en échec", page.QuerySelector(".facts")!.TextContent);

        var retried = await admin.SubmitAsync(page.Forms.Single(f => f.Action.Contains("RetryMail")), new Dictionary<string, string>(), "/organisers/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        using var after = _app.Db.OpenRead();
        Assert.Equal(("queued", 0L), Dapper.SqlMapper.QuerySingle<(string, long)>(after, "SELECT status, attempts FROM outbox"));
    }

    public void Dispose() => _app.Dispose();
}
