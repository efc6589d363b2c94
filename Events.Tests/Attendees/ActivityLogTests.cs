using System.Net;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Attendees;

/// <summary>
/// The activity log: the organiser pages beyond the attendee's own record what they did, and
/// <c>/organisers/activity</c> lists it, newest first, for admins only.
/// </summary>
public sealed class ActivityLogTests : IDisposable
{
    private static readonly DateTimeOffset OnTheDay = new(2027, 6, 26, 10, 0, 0, TimeSpan.FromHours(2));
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" }, new ManualClock(OnTheDay));

    private static Dictionary<string, string> AllValues(AngleSharp.Html.Dom.IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var values = form.Elements.Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "");
        foreach (var (name, value) in changes) values[name] = value;
        return values;
    }

    [Fact]
    public async Task EditingTheEventSettingsIsRecorded()
    {
        using var admin = await _app.SignedInClientAsync();
        var form = (await admin.GetPageAsync("/organisers/event")).FormWith("capacity");

        var saved = await admin.SubmitAsync(form, AllValues(form, ("capacity", "5")), "/organisers/event");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([("event.edited", (long?)null)], _app.Activity());
    }

    [Fact]
    public async Task AWalkInAdmittedOverCapacityIsRecordedWithTheRegistration()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/door/walk-in");

        await admin.SubmitAsync(page.FormWith("email"), new Dictionary<string, string>
        {
            ["firstName"] = "Hedy", ["lastName"] = "Lamarr", ["email"] = "hedy@example.org", ["organisation"] = "", ["consent"] = "true",
            ["overCapacityReason"] = "Invited by the mayor", ["admit"] = "over-capacity",
        }, "/door/walk-in");
        var hedy = _app.Scalar<long>("SELECT id FROM registrations WHERE email = 'hedy@example.org'");
        Assert.Equal([("walkin.over_capacity", (long?)hedy)], _app.Activity());
    }

    [Fact]
    public async Task AWalkInWithinCapacityIsNotAnOrganiserDecisionAndIsNotRecorded()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/door/walk-in");

        await admin.SubmitAsync(page.FormWith("email"), new Dictionary<string, string>
        {
            ["firstName"] = "Hedy", ["lastName"] = "Lamarr", ["email"] = "hedy@example.org", ["organisation"] = "", ["consent"] = "true",
        }, "/door/walk-in");
        Assert.Empty(_app.Activity());
    }

    [Fact]
    public async Task InvitingAndRemovingStaffIsRecorded()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/staff");
        await admin.SubmitAsync(page.FormWith("email"), new Dictionary<string, string> { ["email"] = "door@example.org", ["name"] = "Door", ["role"] = "door" }, "/organisers/staff");
        var door = _app.Scalar<long>("SELECT id FROM organisers WHERE email = 'door@example.org'");
        var token = (await admin.GetPageAsync("/organisers/staff")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await admin.PostAsync($"/organisers/staff?handler=Remove&id={door}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal([("staff.invited", (long?)null), ("staff.removed", null)], _app.Activity());
        Assert.Equal("door@example.org (door)", _app.Scalar<string>("SELECT detail FROM activity ORDER BY id LIMIT 1"));
    }

    [Fact]
    public async Task SavingARoomOfTheAgendaIsRecorded()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/agenda/rooms");

        var saved = await admin.SubmitAsync(page.Forms.Last(f => f.Elements.Any(e => e.GetAttribute("name") == "seats")),
            new Dictionary<string, string> { ["name"] = "Auditorium", ["seats"] = "200", ["accessibility"] = "" }, "/organisers/agenda/rooms");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([("agenda.room.saved", (long?)null)], _app.Activity());
    }

    [Fact]
    public async Task TheActivityPageListsTheActionsNewestFirstWithWhoAndALinkToTheRegistration()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(id, "CheckIn");
        await admin.ActAsync(id, "Undo");

        var page = await admin.GetPageAsync("/organisers/activity");
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["Arrivée annulée", "Arrivée enregistrée"], rows.Select(r => r[2]));
        Assert.Equal(_app.Scalar<string>("SELECT COALESCE(NULLIF(name, ''), email) FROM organisers"), rows[0][1]);
        Assert.Equal($"/organisers/attendees/{id}", page.QuerySelector("tbody a")!.GetAttribute("href"));
        Assert.Equal("Ada Lovelace", page.QuerySelector("tbody a")!.TextContent);
        // The event's own time, to the second, without fractions.
        Assert.Equal("2027-06-26T10:00:00+02:00", page.QuerySelector("tbody time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task TheWhenHeaderTurnsTheLogOldestFirstAndSaysWhichWayItIsSorted()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(id, "CheckIn");
        await admin.ActAsync(id, "Undo");
        static IEnumerable<string> Actions(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent.Trim());

        var newest = await admin.GetPageAsync("/organisers/activity");
        var when = newest.QuerySelector("thead th")!;
        Assert.Equal("descending", when.GetAttribute("aria-sort"));
        Assert.Equal("/organisers/activity?order=oldest", when.QuerySelector("a")!.GetAttribute("href"));

        var oldest = await admin.GetPageAsync("/organisers/activity?order=oldest");
        Assert.Equal(["Arrivée enregistrée", "Arrivée annulée"], Actions(oldest));
        Assert.Equal("ascending", oldest.QuerySelector("thead th")!.GetAttribute("aria-sort"));
        Assert.Equal("/organisers/activity", oldest.QuerySelector("thead th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheActivityPagePagesByFifty()
    {
        var log = _app.Services.GetService(typeof(Events.Api.Organisers.ActivityLog)) as Events.Api.Organisers.ActivityLog;
        var admin = _app.Scalar<long>("SELECT id FROM organisers");
        for (var i = 0; i < 55; i++) await log!.RecordAsync(admin, Events.Api.Organisers.ActivityActions.EventEdited);
        using var client = await _app.SignedInClientAsync();

        Assert.Equal(50, (await client.GetPageAsync("/organisers/activity")).QuerySelectorAll("tbody tr").Length);
        Assert.Equal(5, (await client.GetPageAsync("/organisers/activity?page=2")).QuerySelectorAll("tbody tr").Length);
        Assert.NotNull((await client.GetPageAsync("/organisers/activity?order=oldest")).QuerySelector("a[href='/organisers/activity?order=oldest&page=2']"));
    }

    [Fact]
    public async Task EachLineIsASentenceNamingWhatItConcernsAndTheLogFiltersByKind()
    {
        var room = await _app.AddRoomAsync("Amphithéâtre Simone Veil");
        var grace = await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var session = await _app.AddSessionAsync("Sobriété numérique", "2027-06-26T09:00", "2027-06-26T10:00", room, [grace]);
        await _app.PersonAsync("Ada", "Lovelace");
        var log = _app.Services.GetRequiredService<Events.Api.Organisers.ActivityLog>();
        var admin = _app.Scalar<long>("SELECT id FROM organisers LIMIT 1");
        await log.RecordAsync(admin, "agenda.session.saved", detail: $"#{session}");
        await log.RecordAsync(admin, "agenda.speaker.invited", detail: $"#{grace}");
        await log.RecordAsync(admin, "agenda.room.deleted", detail: "#999");
        await log.RecordAsync(admin, "attendees.exported", detail: "status=waitlisted, sort=name, search=no, rows=280");
        var (messageId, _) = await _app.Services.GetRequiredService<Events.Api.Messages.Announcements>()
            .QueueAsync(new("Plan d'accès", "Le tram T4 s'arrête devant."), "confirmed", admin);
        using var client = await _app.SignedInClientAsync();

        var page = await client.GetPageAsync("/organisers/activity");
        var lines = page.QuerySelectorAll("tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim().Replace('\u00A0', ' ')).ToList();
        Assert.Contains("Session enregistrée : « Sobriété numérique »", lines);
        Assert.Contains("Intervenant invité : Grace Hopper", lines);
        Assert.Contains("Salle supprimée : une salle supprimée depuis (n° 999)", lines);
        Assert.Contains("Inscriptions exportées (CSV) : 280 lignes, en liste d'attente, triées par nom", lines);
        Assert.Contains("Message envoyé aux participants : « Plan d'accès », envoyé à 1 personne (les personnes dont la place est confirmée)", lines);
        Assert.DoesNotContain(lines, l => l.Contains('=') || l.Contains('#'));

        var message = page.QuerySelectorAll("tbody a").Single(a => a.TextContent.Contains("Plan d'accès")).GetAttribute("href")!;
        Assert.Equal($"/organisers/message/history/{messageId}", message);
        var opened = await client.GetPageAsync(message);
        Assert.Equal("Plan d'accès", opened.QuerySelector("h1")!.TextContent);
        Assert.Contains("Le tram T4 s'arrête devant.", opened.QuerySelector(".preview")!.TextContent);

        var agenda = await client.GetPageAsync("/organisers/activity?kind=agenda");
        Assert.Equal(3, agenda.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(agenda.QuerySelector("#kind option[value=agenda][selected]"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/organisers/message/history/999999")).StatusCode);
    }

    [Fact]
    public async Task DoorStaffCannotReadTheActivityLog()
    {
        using var door = await _app.DoorClientAsync();
        var response = await door.GetAsync("/organisers/activity");
        Assert.Equal("/organisers/denied", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    public void Dispose() => _app.Dispose();
}
