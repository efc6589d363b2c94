namespace Events.Api.Attendees;

/// <summary>One bar of the registration charts: a day (or a week), with the registrations made in it and, at its end, the seats taken and the people waiting.</summary>
public sealed record PeriodRow(DateOnly From, DateOnly To, long Registered, long Confirmed, long Waiting);

/// <summary>One bar of the arrivals chart: a time slot in the event's zone and the people checked in during it.</summary>
public sealed record SlotRow(DateTimeOffset From, DateTimeOffset To, long Arrivals);

/// <summary>
/// Turns the store's hourly and per-slot counts into the bars the dashboard draws: days in the event's time zone,
/// days without a change included (a chart with gaps in its time axis would lie), and never more than a screenful.
/// </summary>
public static class ChartSeries
{
    public const int MaxBars = 60;
    public const int SlotMinutes = 10;
    public const int MaxSlots = 48;

    /// <summary>
    /// Days from the first change to <paramref name="lastDay"/> (or the last change, if later); a long campaign in
    /// whole weeks (<see cref="Chart.DaysPerBar"/>).
    /// </summary>
    public static IReadOnlyList<PeriodRow> Periods(IReadOnlyList<HourChanges> hours, TimeZoneInfo zone, DateOnly lastDay)
    {
        if (hours.Count == 0) return [];
        DateOnly Day(long hour) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(hour * 3600), zone).DateTime);
        var byDay = hours.GroupBy(h => Day(h.Hour)).ToDictionary(g => g.Key, g => (R: g.Sum(h => h.Registered), C: g.Sum(h => h.Confirmed), W: g.Sum(h => h.Waiting)));
        var first = byDay.Keys.Min();
        var last = new[] { byDay.Keys.Max(), lastDay }.Max();
        var days = last.DayNumber - first.DayNumber + 1;
        var per = Chart.DaysPerBar(days, MaxBars);
        var rows = new List<PeriodRow>();
        long confirmed = 0, waiting = 0;
        for (var start = first; start <= last; start = start.AddDays(per))
        {
            var end = new[] { start.AddDays(per - 1), last }.Min();
            long registered = 0;
            for (var d = start; d <= end; d = d.AddDays(1))
                if (byDay.TryGetValue(d, out var x)) (registered, confirmed, waiting) = (registered + x.R, confirmed + x.C, waiting + x.W);
            rows.Add(new PeriodRow(start, end, registered, confirmed, waiting));
        }
        return rows;
    }

    /// <summary>
    /// Slots of <see cref="SlotMinutes"/> from the first arrival to the last, empty ones included; a long day in
    /// wider slots so that there are at most <see cref="MaxSlots"/>.
    /// </summary>
    public static IReadOnlyList<SlotRow> Slots(IReadOnlyList<SlotCount> counts, TimeZoneInfo zone)
    {
        if (counts.Count == 0) return [];
        var first = counts.Min(s => s.Slot);
        var span = counts.Max(s => s.Slot) - first + 1;
        var merge = (int)Math.Ceiling(span / (double)MaxSlots);
        var byStart = counts.GroupBy(s => (s.Slot - first) / merge).ToDictionary(g => g.Key, g => g.Sum(s => s.Arrivals));
        var seconds = SlotMinutes * 60L;
        return Enumerable.Range(0, (int)Math.Ceiling(span / (double)merge)).Select(i =>
        {
            var from = DateTimeOffset.FromUnixTimeSeconds((first + i * merge) * seconds);
            return new SlotRow(TimeZoneInfo.ConvertTime(from, zone), TimeZoneInfo.ConvertTime(from.AddSeconds(merge * seconds), zone), byStart.GetValueOrDefault(i));
        }).ToList();
    }
}
