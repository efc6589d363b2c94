using Dapper;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>What organisers see of the registrations: the figures, admissions over capacity, a search, the full list for export.</summary>
public sealed class AttendeeList(Db db, EventStore events)
{
    public sealed record Summary(long Capacity, long Confirmed, long Waitlisted, long Cancelled, long CheckedIn);

    /// <summary>One registration as an organiser sees it.</summary>
    public sealed record Attendee(
        string FirstName, string LastName, string Email, string? Organisation, string? AccessibilityNeeds, string Language,
        string Status, string ManageCode, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt);

    private const string Select = """
        SELECT r.first_name, r.last_name, r.email, r.organisation, r.accessibility_needs, r.language, r.status, r.manage_code,
               r.created_at, k.checked_in_at
        FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
        WHERE r.event_id = @eventId
        """;

    public Summary Figures()
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        var (cancelled, checkedIn) = c.QuerySingle<(long, long)>("""
            SELECT (SELECT COUNT(*) FROM registrations WHERE event_id = @id AND status = 'cancelled'),
                   (SELECT COUNT(*) FROM checkins k JOIN registrations r ON r.id = k.registration_id WHERE r.event_id = @id AND r.status = 'confirmed')
            """, new { id = ev.Id });
        return new Summary(ev.Capacity, ev.Confirmed, ev.Waitlisted, cancelled, checkedIn);
    }

    /// <summary>Registrations whose first name, last name or e-mail starts with <paramref name="text"/> (at least two letters).</summary>
    public IReadOnlyList<Attendee> Search(string? text, int limit = 50)
    {
        var prefix = text?.Trim() ?? "";
        if (prefix.Length < 2 || prefix.Length > 100) return [];
        using var c = db.OpenRead();
        var pattern = prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
        return c.Query<Attendee>(Select + """
             AND (r.first_name LIKE @pattern ESCAPE '\' OR r.last_name LIKE @pattern ESCAPE '\' OR r.email LIKE @pattern ESCAPE '\')
            ORDER BY r.last_name, r.first_name LIMIT @limit
            """, new { eventId = events.Current().Id, pattern, limit }).ToList();
    }

    /// <summary>Walk-ins admitted although every seat was taken, latest first, times in the event's zone.</summary>
    public IReadOnlyList<OverCapacityStore.Admission> OverCapacity()
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        return OverCapacityStore.ForEvent(c, ev.Id).Select(a => a with { AdmittedAt = ev.Local(a.AdmittedAt) }).ToList();
    }

    public IEnumerable<Attendee> All()
    {
        using var c = db.OpenRead();
        return c.Query<Attendee>(Select + " ORDER BY r.last_name, r.first_name", new { eventId = events.Current().Id }).ToList();
    }
}
