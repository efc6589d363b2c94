using System.Data;
using Dapper;

namespace Events.Api.Attendees;

/// <summary>One registration as an organiser sees it, with its arrival.</summary>
public sealed record Attendee(
    string FirstName, string LastName, string Email, string? Organisation, string? AccessibilityNeeds, string Language,
    string Status, DateTimeOffset CreatedAt, DateTimeOffset? CheckedInAt, long Id);

/// <summary>A walk-in admitted although every seat was taken, as admins see it on the dashboard.</summary>
public sealed record OverCapacityAdmission(
    string FirstName, string LastName, string Status, string Reason, DateTimeOffset AdmittedAt, string OrganiserName, string OrganiserEmail)
{
    public string FullName => $"{FirstName} {LastName}";
    /// <summary>Who let them in: the organiser's name, else their address.</summary>
    public string AdmittedBy => OrganiserName.Length > 0 ? OrganiserName : OrganiserEmail;
}

/// <summary>When, on which device and by whom a registration was checked in; why it was admitted over capacity.</summary>
public sealed record Arrival(DateTimeOffset? CheckedInAt, string? Device, string? OrganiserName, string? OrganiserEmail, string? OverCapacityReason)
{
    /// <summary>Who let them in: the organiser's name, else their address.</summary>
    public string? CheckedInBy => OrganiserName is { Length: > 0 } name ? name : OrganiserEmail;
}

/// <summary>The SQL of the organisers' attendee list: reads registrations with their check-ins, writes nothing.</summary>
public static class AttendeeStore
{
    private const string From = """
        FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
        WHERE r.event_id = @eventId
        """;

    private const string Select = """
        SELECT r.first_name, r.last_name, r.email, r.organisation, r.accessibility_needs, r.language, r.status,
               r.created_at, k.checked_in_at, r.id

        """ + From;

    // The list's filters and orders: fixed SQL chosen by AttendeeQuery's fixed values, never built from input.
    internal static readonly Dictionary<string, string> StatusSql = new()
    {
        ["confirmed"] = " AND r.status = 'confirmed'",
        ["waitlisted"] = " AND r.status = 'waitlisted'",
        ["cancelled"] = " AND r.status = 'cancelled'",
        ["arrived"] = " AND r.status = 'confirmed' AND k.checked_in_at IS NOT NULL",
        ["absent"] = " AND r.status = 'confirmed' AND k.checked_in_at IS NULL",
    };

    // Each order, ascending then descending; the id last, so that a page never shows a row twice.
    private static readonly Dictionary<string, (string Up, string Down)> OrderSql = new()
    {
        ["name"] = (" ORDER BY r.sort_key, r.id", " ORDER BY r.sort_key DESC, r.id DESC"),
        ["date"] = (" ORDER BY r.created_at, r.id", " ORDER BY r.created_at DESC, r.id DESC"),
        ["status"] = ("""
             ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.waitlist_seq, r.sort_key, r.id
            """, """
             ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END DESC, r.waitlist_seq, r.sort_key, r.id
            """),
    };

    // The folded query anywhere in the folded first name, last name, e-mail and organisation (Registration's SearchKeys).
    internal const string SearchSql = " AND (@q IS NULL OR instr(r.search_key, @q) > 0)";
    // Names only (door staff): the search key starts with the folded "first last", as long as the sort key's "last first".
    private const string NamesSearchSql = " AND (@q IS NULL OR instr(substr(r.search_key, 1, length(r.sort_key)), @q) > 0)";

    /// <summary>
    /// One page of the list, filtered, searched and sorted by SQL;
    /// <paramref name="limit"/> null gives every match (the export).
    /// </summary>
    public static IReadOnlyList<Attendee> List(IDbConnection c, long eventId, AttendeeQuery query, long offset, int? limit) =>
        c.Query<Attendee>(Select + (query.NamesOnly ? NamesSearchSql : SearchSql) + (query.Status is { } s ? StatusSql[s] : "") + (query.Descending ? OrderSql[query.Sort].Down : OrderSql[query.Sort].Up)
                          + (limit is null ? "" : " LIMIT @limit OFFSET @offset"),
            new { eventId, q = query.Folded, limit, offset }).AsList();

    /// <summary>The waiting list's registration ids, first in the queue first.</summary>
    public static IReadOnlyList<long> WaitingQueue(IDbConnection c, long eventId) =>
        c.Query<long>("SELECT id FROM registrations WHERE event_id = @eventId AND status = 'waitlisted' ORDER BY waitlist_seq", new { eventId }).AsList();

    /// <summary>How many registrations match the search, by status and arrival (the list's counts).</summary>
    public static IReadOnlyList<(string Status, bool Arrived, long Count)> StatusCounts(IDbConnection c, long eventId, string? folded, bool namesOnly = false) =>
        c.Query<(string, bool, long)>("SELECT r.status, k.checked_in_at IS NOT NULL, COUNT(*) " + From + (namesOnly ? NamesSearchSql : SearchSql) + " GROUP BY 1, 2",
            new { eventId, q = folded }).AsList();

    /// <summary>Cancelled registrations, and arrivals among the confirmed.</summary>
    public static (long Cancelled, long CheckedIn) Counts(IDbConnection c, long eventId) =>
        c.QuerySingle<(long, long)>("""
            SELECT (SELECT COUNT(*) FROM registrations WHERE event_id = @eventId AND status = 'cancelled'),
                   (SELECT COUNT(*) FROM checkins k JOIN registrations r ON r.id = k.registration_id
                    WHERE r.event_id = @eventId AND r.status = 'confirmed')
            """, new { eventId });

    public static Arrival Arrival(IDbConnection c, long registrationId) =>
        c.QuerySingleOrDefault<Arrival>("""
            SELECT k.checked_in_at, k.device, o.name AS organiser_name, o.email AS organiser_email, a.reason AS over_capacity_reason
            FROM (SELECT @registrationId AS id) x
            LEFT JOIN checkins k ON k.registration_id = x.id
            LEFT JOIN organisers o ON o.id = k.organiser_id
            LEFT JOIN over_capacity_admissions a ON a.registration_id = x.id
            """, new { registrationId }) ?? new Arrival(null, null, null, null, null);

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
}
