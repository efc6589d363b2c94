using System.Globalization;
using System.Net;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Calendar = Ical.Net.Calendar;

namespace Events.Tests.Tickets;

/// <summary>
/// Registration may open long before the event (next year's edition is prepared a year ahead). Ical.Net builds a
/// VTIMEZONE from "now" back to the date it is given, and refused dates more than a year ahead: every ticket e-mail
/// failed and the calendar files answered 500.
/// </summary>
public sealed class FarAheadCalendarTests
{
    public static TheoryData<int, string> Editions() => new()
    {
        { 1, "Europe/Paris" }, { 396, "Europe/Paris" }, { 1826, "Europe/Paris" },
        // Half an hour off the hour, with daylight saving time (Newfoundland) and without (India).
        { 1, "America/St_Johns" }, { 396, "America/St_Johns" }, { 1826, "America/St_Johns" },
        { 396, "Asia/Kolkata" }, { 1826, "Asia/Kolkata" },
    };

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task TicketsAndCalendarsWorkForAnEditionFarAhead(int daysAhead, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(daysAhead);
        DateTimeOffset At(int hour) => new(day.AddHours(hour), zone.GetUtcOffset(day.AddHours(hour)));
        using var app = new EventsApp(new()
        {
            ["Events:Event:TimeZone"] = zoneId,
            ["Events:Event:StartsAt"] = At(9).ToString("O", CultureInfo.InvariantCulture),
            ["Events:Event:EndsAt"] = At(13).ToString("O", CultureInfo.InvariantCulture),
        });
        var local = day.AddHours(10).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var session = await app.AddSessionAsync("Atelier", local, day.AddHours(11).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), null);
        await app.PublishAsync();
        var email = $"{Guid.NewGuid():N}@example.org";
        var created = await app.RegisterAsync(email);

        await app.DrainMailAsync();
        Assert.All(app.Outbox(), row => Assert.Equal("sent", row.Status));
        var ics = Assert.Single(app.PickedUp(), m => m.To.Mailboxes.Any(a => a.Address == email))
            .Attachments.OfType<MimeKit.MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        using var client = app.Client();
        foreach (var text in new[]
        {
            System.Text.Encoding.UTF8.GetString(ics.Bytes()),
            await Ok(client, $"/registered/{created.ManageCode}/calendar.ics"),
            await Ok(client, "/agenda.ics"),
            await Ok(client, $"/agenda/sessions/{session}.ics"),
        })
        {
            var first = Calendar.Load(text)!.Events.First();
            Assert.Equal(zoneId, first.DtStart!.TzId);
            // The zone's description must give the offset in force on the day, not one from its history.
            var offset = zone.GetUtcOffset(first.DtStart.Value);
            Assert.Contains($"TZOFFSETTO:{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hhmm}", text);
        }
    }

    private static async Task<string> Ok(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
