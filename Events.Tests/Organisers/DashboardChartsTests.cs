using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

/// <summary>The dashboard's charts as served: SVG named for screen readers, and the same figures in tables.</summary>
public sealed class DashboardChartsTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "2", ["Events:Mail:PollSeconds"] = "0" });

    private void Sql(string sql, object? args = null)
    {
        using var c = _app.Db.OpenRead();
        c.Execute(sql, args);
    }

    [Fact]
    public async Task EachChartIsAFigureWithACaptionAnSvgNamedByItsSummaryAndATableOfItsFigures()
    {
        await _app.RegisterAsync("a@example.org");
        await _app.RegisterAsync("g@example.org");
        await _app.RegisterAsync("k@example.org"); // capacity 2: waiting
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/dashboard");
        var figures = page.QuerySelectorAll("figure.chart");
        Assert.Equal(2, figures.Length); // registrations and waiting list; no arrivals yet
        Assert.All(figures, f =>
        {
            Assert.NotEmpty(f.QuerySelector("figcaption")!.TextContent.Trim());
            var svg = f.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.StartsWith("Du ", svg.GetAttribute("aria-label"));
            Assert.Null(svg.GetAttribute("style"));
            Assert.Equal("Voir les données", f.QuerySelector("details summary")!.TextContent);
            Assert.NotNull(f.QuerySelector("details table thead th[scope=col]"));
        });
        Assert.Contains("Aucune arrivée", page.QuerySelector("main")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main [style]"));
    }

    [Fact]
    public async Task BeforeThereIsAnythingToDrawEachChartIsASentenceNotAnEmptyFrame()
    {
        using var admin = await _app.SignedInClientAsync();
        var none = await admin.GetPageAsync("/organisers/dashboard");
        Assert.Empty(none.QuerySelectorAll("main svg"));
        Assert.Contains("Aucune inscription pour l'instant.", none.QuerySelector("main")!.TextContent);
        Assert.Contains("Aucune arrivée enregistrée", none.QuerySelector("main")!.TextContent);

        await _app.RegisterAsync("a@example.org"); // a seat is free: nobody waits
        var one = await admin.GetPageAsync("/organisers/dashboard");
        Assert.Equal(["chart-registrations"], one.QuerySelectorAll("figure.chart figcaption").Select(c => c.Id));
        Assert.Contains("Personne n'a été en liste d'attente pour l'instant.", one.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task EachScaleIsNamedAndNumberedInTheSvgItself()
    {
        await _app.RegisterAsync("a@example.org");
        using var admin = await _app.SignedInClientAsync();
        var svg = (await admin.GetPageAsync("/organisers/dashboard")).QuerySelector("figure.chart svg")!;
        Assert.Equal(["Inscriptions", "Places confirmées"], svg.QuerySelectorAll("text.title").Select(t => t.TextContent));
        Assert.Equal(["0", "1", "2"], svg.QuerySelectorAll("g.left text").Select(t => t.TextContent)); // 1 registration
        Assert.Equal(["0", "1", "2"], svg.QuerySelectorAll("g.right text").Select(t => t.TextContent)); // 1 seat of 2
        Assert.Single(svg.QuerySelectorAll("g.x text"));
        Assert.Equal("capacité\u00A0: 2", svg.QuerySelector("text.cap")!.TextContent);
    }

    [Fact]
    public async Task TheTablesCountRegistrationsSeatsAndTheWaitingListDayByDay()
    {
        var ada = await _app.RegisterAsync("a@example.org");       // day 1: confirmed
        await _app.RegisterAsync("g@example.org");                 // day 1: confirmed
        await _app.RegisterAsync("k@example.org");                 // day 2: waiting
        await _app.RegisterAsync("m@example.org");                 // day 2: waiting
        Sql("UPDATE registrations SET created_at = '2027-05-01T08:00:00+00:00', waitlisted_at = CASE WHEN waitlisted_at IS NULL THEN NULL ELSE '2027-05-01T08:00:00+00:00' END WHERE email IN ('a@example.org', 'g@example.org')");
        Sql("UPDATE registrations SET created_at = '2027-05-02T08:00:00+00:00', waitlisted_at = '2027-05-02T08:00:00+00:00' WHERE email IN ('k@example.org', 'm@example.org')");
        using var admin = await _app.SignedInClientAsync();
        (await admin.DeleteAsync($"/api/v1/registrations/{ada.ManageCode}")).EnsureSuccessStatusCode(); // Katherine gets the seat
        Sql("UPDATE registrations SET cancelled_at = '2027-05-04T09:00:00+00:00' WHERE email = 'a@example.org'");
        Sql("UPDATE registrations SET promoted_at = '2027-05-04T09:00:00+00:00' WHERE email = 'k@example.org'");

        var page = await admin.GetPageAsync("/organisers/dashboard");
        string[][] Rows(string id) => page.QuerySelectorAll($"table[aria-labelledby={id}] tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToArray();
        var registrations = Rows("chart-registrations");
        Assert.Equal(["1er mai", "2", "2"], registrations[0]);
        Assert.Equal(["2 mai", "2", "2"], registrations[1]);
        Assert.Equal(["3 mai", "0", "2"], registrations[2]);
        Assert.Equal(["4 mai", "0", "2"], registrations[3]); // one seat given back, one taken from the list
        Assert.Equal(["0", "2", "2", "1"], Rows("chart-waiting").Take(4).Select(r => r[1]));
        var svg = page.GetElementById("chart-registrations")!.ParentElement!.QuerySelector("svg")!;
        Assert.Contains("4 inscriptions au total", svg.GetAttribute("aria-label"));
        Assert.Contains("2 places confirmées pour une capacité de 2", svg.GetAttribute("aria-label"));
        Assert.NotNull(svg.QuerySelector("line.limit"));
        Assert.NotNull(svg.QuerySelector("polyline.line"));
    }

    [Fact]
    public async Task JoiningTheWaitingListAndBeingPromotedAreDatedOnTheRegistration()
    {
        var ada = await _app.RegisterAsync("a@example.org");
        await _app.RegisterAsync("g@example.org");
        await _app.RegisterAsync("k@example.org"); // capacity 2: waiting
        using var admin = await _app.SignedInClientAsync();
        (await admin.DeleteAsync($"/api/v1/registrations/{ada.ManageCode}")).EnsureSuccessStatusCode();
        using var c = _app.Db.OpenRead();
        var rows = c.Query<(string Email, string? WaitlistedAt, string? PromotedAt, string CreatedAt)>(
            "SELECT email, waitlisted_at, promoted_at, created_at FROM registrations ORDER BY id").ToList();
        Assert.All(rows.Take(2), r => Assert.Equal((null, null), (r.WaitlistedAt, r.PromotedAt)));
        Assert.Equal(rows[2].CreatedAt, rows[2].WaitlistedAt);
        Assert.NotNull(rows[2].PromotedAt);
    }

    [Fact]
    public async Task ArrivalsOnTheEventsDayAreCountedPerTenMinutes()
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++) codes.Add(Events.Tests.CheckIn.Tickets.TicketCodeOf(_app, (await _app.RegisterAsync($"p{i}@example.org")).ManageCode));
        using var admin = await _app.SignedInClientAsync();
        foreach (var code in codes.Take(2)) (await admin.PostAsJsonAsync("/api/v1/checkins", new { code })).EnsureSuccessStatusCode();
        // The event starts on 26 June 2027 at 08:30 in Paris: 06:31 and 06:52 UTC.
        Sql("UPDATE checkins SET checked_in_at = CASE WHEN rowid = (SELECT MIN(rowid) FROM checkins) THEN '2027-06-26T06:31:00+00:00' ELSE '2027-06-26T06:52:00+00:00' END");

        var page = await admin.GetPageAsync("/organisers/dashboard");
        var rows = page.QuerySelectorAll("table[aria-labelledby=chart-arrivals] tbody tr").Select(r => string.Join(' ', r.Children.Select(c => c.TextContent)));
        Assert.Equal(["08:30–08:40 1", "08:40–08:50 0", "08:50–09:00 1"], rows);
        Assert.Equal("Arrivées par tranche de 10\u00A0minutes le jour de l'événement", page.QuerySelector("#chart-arrivals")!.TextContent);
    }

    [Fact]
    public async Task TheDashboardLinksToTheNeedsSummaryAndThePrintouts()
    {
        using var admin = await _app.SignedInClientAsync();
        var links = (await admin.GetPageAsync("/organisers/dashboard")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/organisers/needs", links);
        Assert.Contains("/organisers/attendees/print", links);
        Assert.Contains("/organisers/badges", links);
    }

    public void Dispose() => _app.Dispose();
}
