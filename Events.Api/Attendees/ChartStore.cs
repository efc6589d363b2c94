using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>One hour's changes: registrations made, seats taken (+) or given back (−), people joining (+) or leaving (−) the waiting list.</summary>
public sealed record HourChanges(long Hour, long Registered, long Confirmed, long Waiting)
{
    /// <summary>For Dapper: on an empty result SQLite reports computed columns as blobs, which match no constructor.</summary>
    public HourChanges() : this(0, 0, 0, 0) { }
}

/// <summary>Arrivals in one time slot (seconds since 1970 divided by the slot's length).</summary>
public sealed record SlotCount(long Slot, long Arrivals)
{
    /// <summary>For Dapper: see <see cref="HourChanges()"/>.</summary>
    public SlotCount() : this(0, 0) { }
}

/// <summary>
/// The SQL behind the dashboard's charts. It aggregates in SQLite (a few dozen rows out, whatever the number of
/// registrations): by hour, because the event's zone is applied in C# and Paris is a whole number of hours from UTC.
/// </summary>
public static class ChartStore
{
    // A seat is held from registering (or promotion) until cancellation; someone waits from waitlisted_at until
    // promoted_at, else until cancelled_at (migration 0015).
    public static IReadOnlyList<HourChanges> Hourly(IDbConnection c, long eventId) =>
        c.Query<HourChanges>("""
            SELECT hour, SUM(registered) AS registered, SUM(confirmed) AS confirmed, SUM(waiting) AS waiting FROM (
                SELECT CAST(strftime('%s', created_at) AS INTEGER) / 3600 AS hour, 1 AS registered, 0 AS confirmed, 0 AS waiting
                FROM registrations WHERE event_id = @eventId
                UNION ALL
                SELECT CAST(strftime('%s', COALESCE(promoted_at, created_at)) AS INTEGER) / 3600, 0, 1, 0
                FROM registrations WHERE event_id = @eventId AND (waitlisted_at IS NULL OR promoted_at IS NOT NULL)
                UNION ALL
                SELECT CAST(strftime('%s', cancelled_at) AS INTEGER) / 3600, 0, -1, 0
                FROM registrations WHERE event_id = @eventId AND cancelled_at IS NOT NULL AND (waitlisted_at IS NULL OR promoted_at IS NOT NULL)
                UNION ALL
                SELECT CAST(strftime('%s', waitlisted_at) AS INTEGER) / 3600, 0, 0, 1
                FROM registrations WHERE event_id = @eventId AND waitlisted_at IS NOT NULL
                UNION ALL
                SELECT CAST(strftime('%s', COALESCE(promoted_at, cancelled_at)) AS INTEGER) / 3600, 0, 0, -1
                FROM registrations WHERE event_id = @eventId AND waitlisted_at IS NOT NULL AND COALESCE(promoted_at, cancelled_at) IS NOT NULL
            )
            GROUP BY hour ORDER BY hour
            """, new { eventId }).ToList();

    /// <summary>Check-ins of the event's confirmed registrations between two instants (seconds since 1970), by slot.</summary>
    public static IReadOnlyList<SlotCount> Arrivals(IDbConnection c, long eventId, long from, long to, int slotSeconds) =>
        c.Query<SlotCount>("""
            SELECT t / @slotSeconds AS slot, COUNT(*) AS arrivals FROM (
                SELECT CAST(strftime('%s', k.checked_in_at) AS INTEGER) AS t
                FROM checkins k JOIN registrations r ON r.id = k.registration_id
                WHERE r.event_id = @eventId AND r.status = 'confirmed'
            )
            WHERE t >= @from AND t < @to
            GROUP BY slot ORDER BY slot
            """, new { eventId, from, to, slotSeconds }).ToList();
}
