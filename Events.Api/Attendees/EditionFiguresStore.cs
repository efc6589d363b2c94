using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>One edition's figures, as they stand (a past edition's no longer change).</summary>
public sealed record EditionFigures(
    long Id, string Title, DateTimeOffset StartsAt, string TimeZone, long Capacity, long Confirmed, long Waitlisted, long Cancelled, long CheckedIn, string State)
{
    public const string Current = "current", Upcoming = "upcoming", Past = "past";
}

/// <summary>The SQL of every edition's figures: counters from the events row, cancellations and arrivals counted.</summary>
public static class EditionFiguresStore
{
    public static IReadOnlyList<EditionFigures> All(IDbConnection c) =>
        c.Query<EditionFigures>("""
            SELECT e.id, e.title, e.starts_at, e.time_zone, e.capacity, e.confirmed, e.waitlisted,
                   (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'cancelled') AS cancelled,
                   (SELECT COUNT(*) FROM checkins k JOIN registrations r ON r.id = k.registration_id
                    WHERE r.event_id = e.id AND r.status = 'confirmed') AS checked_in,
                   CASE WHEN e.id = x.event_id THEN 'current' WHEN e.id > x.event_id THEN 'upcoming' ELSE 'past' END AS state
            FROM events e CROSS JOIN current_edition x ORDER BY e.id DESC
            """).AsList();
}
