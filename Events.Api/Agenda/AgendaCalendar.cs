using Events.Api.Localisation;
using Events.Api.Registration;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Events.Api.Agenda;

/// <summary>
/// iCalendar (RFC 5545, written by Ical.Net like the ticket's file) for sessions: local times in the event's time zone
/// with its TZID and VTIMEZONE, UIDs that never change, DTSTAMP from the session's last change so the same agenda
/// always gives the same file.
/// </summary>
public static class AgendaCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Build(EventInfo e, IEnumerable<SessionView> sessions, string calendarName, Func<long, string> sessionUrl, Texts t)
    {
        var list = sessions.ToList();
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//Events//Agenda//FR", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", e.TimeZone);
        // The zone's rules from the earliest time written on: enough for every client, without its whole history.
        var earliest = list.Select(s => s.Session.StartsAt).Append(e.StartsAt).Min();
        CalendarTimeZone.Add(calendar, e.TimeZone, Local(e, earliest));
        foreach (var s in list)
        {
            var x = s.Session;
            var speakers = string.Join(", ", s.Speakers.Select(sp => sp.DisplayName));
            var description = string.Join("\n\n", new[] { speakers, x.Abstract }.Where(p => p.Length > 0));
            var session = new CalendarEvent
            {
                Uid = x.Uid,
                DtStamp = new CalDateTime(x.UpdatedAt.UtcDateTime, CalDateTime.UtcTzId),
                DtStart = new CalDateTime(Local(e, x.StartsAt), e.TimeZone),
                DtEnd = new CalDateTime(Local(e, x.EndsAt), e.TimeZone),
                Summary = x.Title,
                Description = description.Length > 0 ? description : null,
                Location = string.Join(", ", new[] { s.Room?.Name, e.Venue, e.Address }.Where(p => !string.IsNullOrEmpty(p))),
                Url = new Uri(sessionUrl(x.Id)),
            };
            session.Categories.Add(t["agenda_format_" + x.Format]);
            calendar.Events.Add(session);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The wall-clock time in the event's zone, which Ical.Net writes with the zone's TZID.</summary>
    private static DateTime Local(EventInfo e, DateTimeOffset instant) => e.Local(instant).DateTime;
}
