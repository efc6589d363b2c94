using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Events.Api.Localisation;
using Events.Api.Registration;

namespace Events.Api.Tickets;

/// <summary>
/// The <c>.ics</c> file sent with a ticket. Its UID is derived from the registration's management code, so it is
/// stable for that registration (a resend updates the calendar entry instead of adding a second one) without
/// revealing a row id; SEQUENCE grows with every message so clients take the newest.
/// </summary>
public static class TicketCalendar
{
    public static string Build(EventInfo ev, string manageCode, string ticketUrl, long sequence, bool cancelled = false)
    {
        var local = (DateTimeOffset instant) => ev.Local(instant).DateTime;
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "PUBLISH", ProductId = "-//Events//Tickets//FR" };
        calendar.Events.Add(new CalendarEvent
        {
            Uid = Uid(manageCode, ticketUrl),
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
        var zone = CalendarTimeZone.Text(ev.TimeZone, local(ev.StartsAt));
        return text.Insert(text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal), zone);
    }

    /// <summary><c>{hash of the management code}@{host of the public address}</c>.</summary>
    public static string Uid(string manageCode, string anyPublicUrl)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ics:" + manageCode)))[..32];
        var host = Uri.TryCreate(anyPublicUrl, UriKind.Absolute, out var uri) ? uri.Host : "events";
        return $"{hash}@{host}";
    }
}
