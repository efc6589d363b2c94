using System.Data;
using Dapper;

namespace Events.Api.Registration;

/// <summary>The SQL of admissions over capacity: walk-ins the door confirmed although every seat was taken.</summary>
public static class OverCapacityStore
{
    /// <summary>Takes a seat that does not exist: the counter goes above capacity, on purpose.</summary>
    public static void TakeSeat(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Execute("UPDATE events SET confirmed = confirmed + 1 WHERE id = @eventId", new { eventId }, tx);

    public static void Record(IDbConnection c, IDbTransaction tx, long registrationId, string reason, long organiserId, DateTimeOffset now) =>
        c.Execute("""
            INSERT INTO over_capacity_admissions (registration_id, reason, organiser_id, admitted_at)
            VALUES (@registrationId, @reason, @organiserId, @now)
            ON CONFLICT (registration_id) DO UPDATE SET reason = excluded.reason, organiser_id = excluded.organiser_id, admitted_at = excluded.admitted_at
            """, new { registrationId, reason, organiserId, now }, tx);

    /// <summary>Empties the reasons of an event's admissions, which may name or describe the person (see <c>Retention</c>).</summary>
    public static int EraseReasons(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Execute("""
            UPDATE over_capacity_admissions SET reason = ''
            WHERE reason <> '' AND registration_id IN (SELECT id FROM registrations WHERE event_id = @eventId)
            """, new { eventId }, tx);
}
