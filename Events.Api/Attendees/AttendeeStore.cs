using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>One registration as an organiser sees it, with its arrival.</summary>
public sealed record Attendee(
    string FirstName, string LastName, string Email, string? Organisation, string? AccessibilityNeeds, string Language,
    string Status, string ManageCode, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt);

/// <summary>A walk-in admitted although every seat was taken, as admins see it on the dashboard.</summary>
public sealed record OverCapacityAdmission(
    string FirstName, string LastName, string Status, string Reason, DateTimeOffset AdmittedAt, string OrganiserName, string OrganiserEmail)
{
    public string FullName => $"{FirstName} {LastName}";
    /// <summary>Who let them in: the organiser's name, else their address.</summary>
    public string AdmittedBy => OrganiserName.Length > 0 ? OrganiserName : OrganiserEmail;
}

/// <summary>The SQL of the organisers' attendee list: reads registrations with their check-ins, writes nothing.</summary>
public static class AttendeeStore
{
    private const string Select = """
        SELECT r.first_name, r.last_name, r.email, r.organisation, r.accessibility_needs, r.language, r.status, r.manage_code,
               r.created_at, k.checked_in_at
        FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
        WHERE r.event_id = @eventId
        """;

    public static IReadOnlyList<Attendee> Search(IDbConnection c, long eventId, string prefix, int limit)
    {
        var pattern = prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        return c.Query<Attendee>(Select + """
             AND (r.first_name LIKE @pattern ESCAPE '\' OR r.last_name LIKE @pattern ESCAPE '\' OR r.email LIKE @pattern ESCAPE '\')
            ORDER BY r.last_name, r.first_name LIMIT @limit
            """, new { eventId, pattern, limit }).ToList();
    }

    /// <summary>Cancelled registrations, and arrivals among the confirmed.</summary>
    public static (long Cancelled, long CheckedIn) Counts(IDbConnection c, long eventId) =>
        c.QuerySingle<(long, long)>("""
            SELECT (SELECT COUNT(*) FROM registrations WHERE event_id = @eventId AND status = 'cancelled'),
                   (SELECT COUNT(*) FROM checkins k JOIN registrations r ON r.id = k.registration_id
                    WHERE r.event_id = @eventId AND r.status = 'confirmed')
            """, new { eventId });

    /// <summary>Every admission over capacity for an event, latest first, with who admitted them.</summary>
    public static IReadOnlyList<OverCapacityAdmission> OverCapacity(IDbConnection c, long eventId) =>
        c.Query<OverCapacityAdmission>("""
            SELECT r.first_name, r.last_name, r.status, a.reason, a.admitted_at, o.name AS organiser_name, o.email AS organiser_email
            FROM over_capacity_admissions a
            JOIN registrations r ON r.id = a.registration_id
            JOIN organisers o ON o.id = a.organiser_id
            WHERE r.event_id = @eventId
            ORDER BY a.admitted_at DESC, a.registration_id DESC
            """, new { eventId }).ToList();

    public static IReadOnlyList<Attendee> All(IDbConnection c, long eventId) =>
        c.Query<Attendee>(Select + " ORDER BY r.last_name, r.first_name", new { eventId }).ToList();
}
