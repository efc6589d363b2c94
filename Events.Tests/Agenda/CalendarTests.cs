using System.Net;
using Events.Tests.Infrastructure;
using Ical.Net;

namespace Events.Tests.Agenda;

/// <summary>The iCalendar exports: valid for Ical.Net, the event's time zone with its VTIMEZONE, stable UIDs, right across DST changes.</summary>
public sealed class CalendarTests
{
    private static EventsApp OnDay(string start, string end) => new(new()
    {
        ["Events:Event:StartsAt"] = start,
        ["Events:Event:EndsAt"] = end,
    });

    [Fact]
    public async Task TheWholeAgendaParsesWithOneEventPerPublicSessionAndStableUids()
    {
        using var app = new EventsApp();
        var speaker = await app.InviteAsync("Grace Hopper", "grace@example.org");
        var room = await app.AddRoomAsync("Amphi, salle 1");
        await app.AddSessionAsync("Sobriété; « numérique », vraiment ?", "2027-06-26T09:00", "2027-06-26T10:00", room, [speaker]);
        await app.AddSessionAsync("Un titre assez long pour dépasser soixante-quinze octets sur une seule ligne éèà", "2027-06-26T10:00", "2027-06-26T11:00", room);
        await app.AddSessionAsync("Masquée", "2027-06-26T11:00", "2027-06-26T12:00", room, isPublic: false);
        await app.PublishAsync();
        using var client = app.Client();

        var response = await client.GetAsync("/agenda.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris", text);

        var calendar = Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.Single(e => e.Summary!.StartsWith("Sobriété"));
        Assert.Equal("Sobriété; « numérique », vraiment ?", first.Summary);
        Assert.Contains("Amphi, salle 1", first.Location);
        Assert.Contains("Grace Hopper", first.Description);
        Assert.Equal("Europe/Paris", first.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 6, 26, 7, 0, 0, DateTimeKind.Utc), first.DtStart.AsUtc);
        Assert.Contains(calendar.Events, e => e.Summary!.EndsWith("éèà"));

        var again = Calendar.Load(await client.GetStringAsync("/agenda.ics"))!;
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
        var single = Calendar.Load(await client.GetStringAsync(new Uri(first.Url!.ToString()).AbsolutePath + ".ics"))!;
        Assert.Equal(first.Uid, Assert.Single(single.Events).Uid);
    }

    [Theory]
    // Last Sunday of March 2027: 02:00 CET becomes 03:00 CEST. 01:30 (UTC+1) to 03:30 (UTC+2) lasts one hour.
    [InlineData("2027-03-28T00:00:00+01:00", "2027-03-28T06:00:00+02:00", "2027-03-28T01:30", "2027-03-28T03:30", "2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z")]
    // Last Sunday of October 2027: 03:00 CEST becomes 02:00 CET. 01:30 (UTC+2) to 03:30 (UTC+1) lasts three hours.
    [InlineData("2027-10-31T00:00:00+02:00", "2027-10-31T06:00:00+01:00", "2027-10-31T01:30", "2027-10-31T03:30", "2027-10-30T23:30:00Z", "2027-10-31T02:30:00Z")]
    public async Task TimesRoundTripAcrossTheDaylightSavingChange(string eventStart, string eventEnd, string start, string end, string utcStart, string utcEnd)
    {
        using var app = OnDay(eventStart, eventEnd);
        var id = await app.AddSessionAsync("Nuit du changement d'heure", start, end, null);
        await app.PublishAsync();
        using var client = app.Client();

        var text = await client.GetStringAsync($"/agenda/sessions/{id}.ics");
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{start.Replace("-", "").Replace(":", "")}00", text);
        var session = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(DateTimeOffset.Parse(utcStart).UtcDateTime, session.DtStart!.AsUtc);
        Assert.Equal(DateTimeOffset.Parse(utcEnd).UtcDateTime, session.DtEnd!.AsUtc);

        var json = await client.GetStringAsync("/api/v1/agenda");
        Assert.Contains(DateTimeOffset.Parse(utcStart).ToOffset(app.Agenda().Load().Event.Local(DateTimeOffset.Parse(utcStart)).Offset).ToString("yyyy-MM-ddTHH:mm:sszzz"), json);
    }

    [Fact]
    public async Task AnEventElsewhereIsWrittenInItsOwnTimeZone()
    {
        using var app = new EventsApp(new()
        {
            ["Events:Event:TimeZone"] = "America/Toronto",
            ["Events:Event:StartsAt"] = "2027-06-26T09:00:00-04:00",
            ["Events:Event:EndsAt"] = "2027-06-26T13:00:00-04:00",
        });
        var id = await app.AddSessionAsync("Keynote", "2027-06-26T09:30", "2027-06-26T10:15", null);
        await app.PublishAsync();
        using var client = app.Client();

        var text = await client.GetStringAsync($"/agenda/sessions/{id}.ics");
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:America/Toronto", text);
        Assert.Contains("DTSTART;TZID=America/Toronto:20270626T093000", text);
        var session = Assert.Single(Calendar.Load(text)!.Events);
        Assert.Equal(new DateTime(2027, 6, 26, 13, 30, 0, DateTimeKind.Utc), session.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 6, 26, 14, 15, 0, DateTimeKind.Utc), session.DtEnd!.AsUtc);
    }

    [Fact]
    public async Task TheHourSkippedInSpringIsRefusedAsAStartTime()
    {
        using var app = OnDay("2027-03-28T00:00:00+01:00", "2027-03-28T06:00:00+02:00");
        var (_, errors) = await app.Agenda().SaveSessionAsync(null, new Api.Agenda.SessionInput("Fantôme", "", "talk", "fr", "2027-03-28T02:30", "2027-03-28T04:00", null, [], true));
        Assert.Equal(["agenda_invalid_time"], errors["start"]);
    }

    [Fact]
    public async Task UnpublishedOrHiddenSessionsHaveNoCalendarFile()
    {
        using var app = new EventsApp();
        var shown = await app.AddSessionAsync("Visible", "2027-06-26T09:00", "2027-06-26T10:00", null);
        var hidden = await app.AddSessionAsync("Masquée", "2027-06-26T10:00", "2027-06-26T11:00", null, isPublic: false);
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda/sessions/{shown}.ics")).StatusCode);
        Assert.Empty(Calendar.Load(await client.GetStringAsync("/agenda.ics"))!.Events);
        await app.PublishAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/agenda/sessions/{shown}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda/sessions/{hidden}.ics")).StatusCode);
    }
}
