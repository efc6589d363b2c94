using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Events.Api.Registration;

namespace Events.Api.Tickets;

/// <summary>
/// The <c>.ics</c> file sent with a ticket. Its UID is derived from the registration's management code, so it is
/// stable for that registration (a resend updates the calendar entry instead of adding a second one) without
/// revealing a row id; SEQUENCE grows with every message so clients take the newest.
/// </summary>
public static class TicketCalendar
{
    // The VTIMEZONE is the same for every ticket of an edition, and building and serialising it was half of what a
    // ticket e-mail allocated (about 50 of 196 KB per message, under a registration rush with the mail worker on).
    private static readonly ConcurrentDictionary<(string Zone, DateTime From), string> TimeZones = new();

    public static string Build(EventInfo ev, Registration.Registration r, string ticketUrl, long sequence, bool cancelled = false)
    {
        var local = (DateTimeOffset instant) => ev.Local(instant).DateTime;
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH", ProductId = "-//Events//Tickets//FR" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(r, ticketUrl),
            Sequence = (int)Math.Min(int.MaxValue, sequence),
            Summary = ev.Title,
            Location = $"{ev.Venue}, {ev.Address}",
            Description = ticketUrl,
            DtStart = new CalDateTime(local(ev.StartsAt), ev.TimeZone),
            DtEnd = new CalDateTime(local(ev.EndsAt), ev.TimeZone),
            DtStamp = new CalDateTime(DateTime.UtcNow, CalDateTime.UtcTzId),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        });
        var text = new CalendarSerializer().SerializeToString(calendar)!;
        // Where Ical.Net puts it when the calendar holds it: after the calendar's own properties, before the event.
        var zone = TimeZones.GetOrAdd((ev.TimeZone, local(ev.StartsAt)), key => TimeZoneText(key.Zone, key.From));
        return text.Insert(text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal), zone);
    }

    /// <summary>The VTIMEZONE of <paramref name="zone"/> from <paramref name="from"/> on, serialised by Ical.Net (lines ending CRLF).</summary>
    internal static string TimeZoneText(string zone, DateTime from)
    {
        var calendar = new Calendar();
        calendar.AddTimeZone(zone, from, false);
        var text = new CalendarSerializer().SerializeToString(calendar)!;
        const string end = "END:VTIMEZONE\r\n";
        var start = text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal);
        return text[start..(text.IndexOf(end, StringComparison.Ordinal) + end.Length)];
    }

    /// <summary><c>{hash of the management code}@{host of the public address}</c>.</summary>
    public static string Uid(Registration.Registration r, string anyPublicUrl)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ics:" + r.ManageCode)))[..32];
        var host = Uri.TryCreate(anyPublicUrl, UriKind.Absolute, out var uri) ? uri.Host : "events";
        return $"{hash}@{host}";
    }
}
