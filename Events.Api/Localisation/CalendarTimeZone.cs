using System.Collections.Concurrent;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Events.Api.Localisation;

/// <summary>
/// The VTIMEZONE written into every calendar file (tickets, the agenda): the rules of the event's zone in force for
/// the times the file holds, whatever their distance from today.
/// </summary>
public static class CalendarTimeZone
{
    // The same for every file of an edition; building and serialising it was half of what a ticket e-mail allocated.
    private static readonly ConcurrentDictionary<(string Zone, DateOnly From), string> Serialised = new();

    /// <summary>Adds the VTIMEZONE of <paramref name="zone"/> for times from <paramref name="from"/> (wall clock) on.</summary>
    public static void Add(Calendar calendar, string zone, DateTime from) => calendar.AddChild(Build(zone, from));

    /// <summary>The same, serialised by Ical.Net (lines ending CRLF), to insert into a file written without it.</summary>
    public static string Text(string zone, DateTime from) => Serialised.GetOrAdd((zone, DateOnly.FromDateTime(from)), key =>
    {
        var calendar = new Calendar();
        calendar.AddChild(Build(key.Zone, key.From.ToDateTime(TimeOnly.MinValue)));
        var text = new CalendarSerializer().SerializeToString(calendar)!;
        const string end = "END:VTIMEZONE\r\n";
        var start = text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal);
        return text[start..(text.IndexOf(end, StringComparison.Ordinal) + end.Length)];
    });

    private static VTimeZone Build(string zone, DateTime from)
    {
        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        if (FixedOffset(info, from) is { } offset)
        {
            // Ical.Net describes a zone without changes in the year by its lowest offset ever (Asia/Kolkata's
            // +05:21 of 1941): the offset in force is written instead.
            var fixedZone = new VTimeZone(zone);
            fixedZone.AddChild(new VTimeZoneInfo
            {
                Name = Components.Standard, OffsetFrom = new UtcOffset(offset), OffsetTo = new UtcOffset(offset),
                Start = new CalDateTime(1970, 1, 1, 0, 0, 0),
            });
            return fixedZone;
        }
        // Ical.Net reads the zone's changes from a year before the date given up to the real clock's now (not the
        // app's TimeProvider), and fails when that span is empty, i.e. for any date more than a year ahead. The rules
        // seen in the past year recur yearly, so they describe later years too.
        var latest = DateTime.Now.Date;
        return VTimeZone.FromDateTimeZone(zone, from < latest ? from : latest, includeHistoricalData: false);
    }

    /// <summary>The zone's offset when it does not change in the year from <paramref name="from"/>, else null.</summary>
    private static TimeSpan? FixedOffset(TimeZoneInfo zone, DateTime from)
    {
        var offset = zone.GetUtcOffset(from);
        for (var day = from.AddDays(7); day < from.AddYears(1); day = day.AddDays(7))
            if (zone.GetUtcOffset(day) != offset) return null;
        return offset;
    }
}
