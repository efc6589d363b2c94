using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>One registration as an organiser sees it, with its arrival.</summary>
public sealed record Attendee(
    string FirstName, string LastName, string Email, string? Organisation, string? AccessibilityNeeds, string Language,
    string Status, string ManageCode, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt);

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

    public static IReadOnlyList<Attendee> All(IDbConnection c, long eventId) =>
        c.Query<Attendee>(Select + " ORDER BY r.last_name, r.first_name", new { eventId }).ToList();
}
