using System.Data;
using Dapper;

namespace Events.Api.Registration;

/// <summary>The SQL of admissions over capacity: walk-ins the door confirmed although every seat was taken.</summary>
public static class OverCapacityStore
{
    /// <summary>The free-text reason door staff give, under the same rule as every free-text field.</summary>
    public const int ReasonMax = 200;

    /// <summary>One admission, as admins see it on the dashboard.</summary>
    public sealed record Admission(
        string FirstName, string LastName, string Status, string Reason, DateTimeOffset AdmittedAt, string OrganiserName, string OrganiserEmail)
    {
        public string FullName => $"{FirstName} {LastName}";
        /// <summary>Who let them in: the organiser's name, else their address.</summary>
        public string AdmittedBy => OrganiserName.Length > 0 ? OrganiserName : OrganiserEmail;
    }

    /// <summary>Takes a seat that does not exist: the counter goes above capacity, on purpose.</summary>
    public static void TakeSeat(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Execute("UPDATE events SET confirmed = confirmed + 1 WHERE id = @eventId", new { eventId }, tx);

    public static void Record(IDbConnection c, IDbTransaction tx, long registrationId, string reason, long organiserId, DateTimeOffset now) =>
        c.Execute("""
            INSERT INTO over_capacity_admissions (registration_id, reason, organiser_id, admitted_at)
            VALUES (@registrationId, @reason, @organiserId, @now)
            """, new { registrationId, reason, organiserId, now }, tx);

    /// <summary>Every admission over capacity for an event, latest first, with who admitted them.</summary>
    public static IReadOnlyList<Admission> ForEvent(IDbConnection c, long eventId) =>
        c.Query<Admission>("""
            SELECT r.first_name, r.last_name, r.status, a.reason, a.admitted_at, o.name AS organiser_name, o.email AS organiser_email
            FROM over_capacity_admissions a
            JOIN registrations r ON r.id = a.registration_id
            JOIN organisers o ON o.id = a.organiser_id
            WHERE r.event_id = @eventId
            ORDER BY a.admitted_at DESC, a.registration_id DESC
            """, new { eventId }).ToList();

    /// <summary>Empties the reasons of an event's admissions, which may name or describe the person (see <c>Retention</c>).</summary>
    public static int EraseReasons(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Execute("""
            UPDATE over_capacity_admissions SET reason = ''
            WHERE reason <> '' AND registration_id IN (SELECT id FROM registrations WHERE event_id = @eventId)
            """, new { eventId }, tx);
}
