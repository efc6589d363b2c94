using System.Net;
using System.Net.Http.Json;
using Events.Api.Registration;
using Events.Tests.Agenda;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>The page that creates next year's edition, and what the previous one becomes.</summary>
public sealed class NewEditionPageTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task TheFormProposesTheCurrentSettings52WeeksOnAndTheAgendaCopy()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/event/new-edition");
        var current = _app.Services.GetRequiredService<Editions>().Current();

        Assert.Equal("2028-06-24T08:30", page.QuerySelector("#startsAt")!.GetAttribute("value")); // a Saturday again
        Assert.Equal("2028-06-24T12:30", page.QuerySelector("#endsAt")!.GetAttribute("value"));
        Assert.Equal(current.Title, page.QuerySelector("#title")!.GetAttribute("value"));
        Assert.Equal(current.Venue, page.QuerySelector("#venue")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#copyAgenda[checked]"));
        Assert.Contains("24 juin 2028", page.QuerySelector("#startsAt-hint")!.TextContent); // the example speaks of next year
    }

    [Fact]
    public async Task PreparingChangesNothingAndTheSwitchIsASecondStepWithTheYearTypedWhileTheEventRuns()
    {
        var ada = await _app.RegisterAsync("ada@example.org");
        await _app.DrainMailAsync();
        var oldTicket = _app.TicketCode(ada.ManageCode)!;
        using var admin = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/checkins", new { code = oldTicket })).StatusCode);
        var before = _app.Services.GetRequiredService<Editions>().Current();

        var page = await admin.GetPageAsync("/organisers/event/new-edition");
        var created = await admin.PostWithTokenAsync(page, "/organisers/event/new-edition",
            [new("startsAt", "2028-06-24T08:30"), new("endsAt", "2028-06-24T12:30"), new("copyAgenda", "true")]);
        Assert.Equal("/organisers/event/new-edition?done=created", created.Headers.Location!.OriginalString);
        Assert.Equal(before.Id, _app.Services.GetRequiredService<Editions>().Current().Id); // one click changes nothing live
        Assert.Contains("2027", await (await _app.CreateClient().GetAsync("/")).Content.ReadAsStringAsync());

        page = await admin.GetPageAsync("/organisers/event/new-edition?done=created");
        Assert.Null(page.QuerySelector("#startsAt")); // no second edition while one is upcoming
        Assert.Contains("(à venir", page.QuerySelectorAll("tbody tr")[0].TextContent);
        var effects = page.QuerySelector("#switch + p")!.TextContent;
        Assert.Contains("ne sont plus reconnus à l'accueil", effects);
        Assert.Contains("1 billets", effects);
        var edition = page.QuerySelector("input[name=edition]")!.GetAttribute("value")!;

        var wrong = await admin.PostWithTokenAsync(page, "/organisers/event/new-edition?handler=Current", [new("edition", edition), new("confirm", "oui")]);
        var refused = await Forms.ParseAsync(wrong);
        Assert.NotNull(refused.QuerySelector("#confirm-error"));
        Assert.Equal(before.Id, _app.Services.GetRequiredService<Editions>().Current().Id);

        var switched = await admin.PostWithTokenAsync(page, "/organisers/event/new-edition?handler=Current", [new("edition", edition), new("confirm", "2028")]);
        Assert.Equal("/organisers/event/new-edition?done=switched", switched.Headers.Location!.OriginalString);
        using (var c = _app.Db.OpenRead())
            Assert.Equal(2L, Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT COUNT(*) FROM activity WHERE action IN ('edition.created', 'edition.made_current')"));

        var next = _app.Services.GetRequiredService<Editions>().Current();
        Assert.Equal(new DateTimeOffset(2028, 6, 24, 8, 30, 0, TimeSpan.FromHours(2)), next.StartsAt);
        Assert.Equal(0L, next.Confirmed);
        var scan = await (await admin.PostAsJsonAsync("/api/v1/checkins", new { code = oldTicket, nonce = Guid.NewGuid().ToString() }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("unknown", scan.GetProperty("outcome").GetString()); // last year's ticket at this year's door

        page = await admin.GetPageAsync("/organisers/event/new-edition");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("(en cours)", rows[0][0]);
        Assert.Contains("2028", rows[0][0]);
        Assert.Contains("(passée, en lecture seule)", rows[1][0]);
        Assert.StartsWith("1 /", rows[1][1]); // the old edition's confirmed seat
        Assert.Equal("1", rows[1][2]);        // and its arrival

        var back = await admin.PostWithTokenAsync(page, "/organisers/event/new-edition?handler=Back", [new("edition", next.Id.ToString())]);
        Assert.Equal("/organisers/event/new-edition?done=back", back.Headers.Location!.OriginalString);
        Assert.Equal(before.Id, _app.Services.GetRequiredService<Editions>().Current().Id);
        scan = await (await admin.PostAsJsonAsync("/api/v1/checkins", new { code = oldTicket, nonce = Guid.NewGuid().ToString() }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("already_checked_in", scan.GetProperty("outcome").GetString()); // this year's door again
    }

    [Fact]
    public async Task AnEditionThatWouldOverlapTheCurrentOneIsExplainedAndNothingIsCreated()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/event/new-edition");
        var response = await admin.SubmitAsync(page.FormWith("startsAt"), new Dictionary<string, string>
        {
            ["startsAt"] = "2027-06-26T09:00", ["endsAt"] = "2027-06-26T08:00",
        }, "/organisers/event/new-edition");
        var result = await Forms.ParseAsync(response);
        Assert.StartsWith("Erreur", result.Title);
        Assert.NotNull(result.QuerySelector("#startsAt-error"));
        Assert.NotNull(result.QuerySelector("#endsAt-error"));
        Assert.Single(result.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task DoorStaffCannotCreateAnEdition()
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        var response = await door.GetAsync("/organisers/event/new-edition");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
