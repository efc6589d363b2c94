using System.Globalization;
using System.Text;
using Events.Api.Localisation;
using Events.Api.Registration;

namespace Events.Api.Agenda;

/// <summary>
/// iCalendar (RFC 5545) for sessions: local times with <c>TZID=Europe/Paris</c> and its VTIMEZONE, UIDs that never
/// change, DTSTAMP from the session's last change so the same agenda always gives the same file.
/// Other time zones are written in UTC, which every client reads correctly.
/// </summary>
public static class AgendaCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const string Paris = "Europe/Paris";

    // Europe/Paris since 1996 (EU rules): last Sunday of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00.
    private static readonly string[] ParisTimeZone =
    [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19810329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19961027T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ];

    public static string Build(EventInfo e, IEnumerable<SessionView> sessions, string calendarName, Func<long, string> sessionUrl, Texts t)
    {
        var lines = new List<string> { "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Events//Agenda//FR", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName) };
        var paris = e.TimeZone == Paris;
        if (paris) { lines.Add("X-WR-TIMEZONE:" + Paris); lines.AddRange(ParisTimeZone); }
        foreach (var s in sessions)
        {
            var x = s.Session;
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + Escape(x.Uid));
            lines.Add("DTSTAMP:" + Utc(x.UpdatedAt));
            lines.Add(paris ? $"DTSTART;TZID={Paris}:{Local(e, x.StartsAt)}" : "DTSTART:" + Utc(x.StartsAt));
            lines.Add(paris ? $"DTEND;TZID={Paris}:{Local(e, x.EndsAt)}" : "DTEND:" + Utc(x.EndsAt));
            lines.Add("SUMMARY:" + Escape(x.Title));
            var speakers = string.Join(", ", s.Speakers.Select(sp => sp.DisplayName));
            var description = string.Join("\n\n", new[] { speakers, x.Abstract }.Where(p => p.Length > 0));
            if (description.Length > 0) lines.Add("DESCRIPTION:" + Escape(description));
            lines.Add("LOCATION:" + Escape(string.Join(", ", new[] { s.Room?.Name, e.Venue, e.Address }.Where(p => !string.IsNullOrEmpty(p)))));
            lines.Add("CATEGORIES:" + Escape(t["agenda_format_" + x.Format]));
            lines.Add("URL:" + sessionUrl(x.Id));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) Fold(text, line);
        return text.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(EventInfo e, DateTimeOffset instant) => e.Local(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon and comma escaped, new lines as <c>\n</c>.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Lines of at most 75 octets, continued with CRLF and a space, never cutting a UTF-8 character.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
