using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.Attendees;

/// <summary>
/// The figures behind the dashboard's charts: registrations by day with the seats taken and the waiting list at the
/// end of each, and arrivals by slot on the event's day. A few dozen rows whatever the number of registrations.
/// </summary>
public sealed class AttendeeCharts(Db db, Editions events, TimeProvider clock, ReadCache cache)
{
    /// <summary>The bars of the registration and waiting-list charts, the capacity, and the arrival slots.</summary>
    public sealed record Data(IReadOnlyList<PeriodRow> Periods, long Capacity, IReadOnlyList<SlotRow> Arrivals);

    /// <summary>The current event's figures; days run to today, or to the event's day once it has passed.</summary>
    public Data Load() => cache.Get($"attendees.charts {clock.GetUtcNow():yyyy-MM-ddTHH}", Read); // hourly bars: a new hour is a new chart

    private Data Read()
    {
        var ev = events.Current();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZone);
        var eventDay = DateOnly.FromDateTime(ev.Local(ev.StartsAt).DateTime);
        var today = DateOnly.FromDateTime(ev.Local(clock.GetUtcNow()).DateTime);
        // The event's day, midnight to midnight in its zone, as seconds since 1970.
        long Midnight(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeSeconds();
        }
        using var c = db.OpenRead();
        var periods = ChartSeries.Periods(ChartStore.Hourly(c, ev.Id), zone, today < eventDay ? today : eventDay);
        var arrivals = ChartStore.Arrivals(c, ev.Id, Midnight(eventDay), Midnight(eventDay.AddDays(1)), ChartSeries.SlotMinutes * 60);
        return new Data(periods, ev.Capacity, ChartSeries.Slots(arrivals, zone));
    }
}
