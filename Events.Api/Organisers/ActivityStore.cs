using System.Data;
using Dapper;

namespace Events.Api.Organisers;

/// <summary>The SQL of the activity log (<c>activity</c>): rows are only ever added.</summary>
public static class ActivityStore
{
    public static void Insert(IDbConnection c, IDbTransaction tx, long organiserId, string action, long? registrationId, string? detail, DateTimeOffset at) =>
        c.Execute("""
            INSERT INTO activity (organiser_id, action, registration_id, detail, at)
            VALUES (@organiserId, @action, @registrationId, @detail, @at)
            """, new { organiserId, action, registrationId, detail, at }, tx);

    public static long Count(IDbConnection c) => c.ExecuteScalar<long>("SELECT COUNT(*) FROM activity");

    private const string Select = """
        SELECT a.id, a.at, a.action, a.registration_id, a.detail, o.name AS organiser_name, o.email AS organiser_email,
               r.first_name, r.last_name
        FROM activity a JOIN organisers o ON o.id = a.organiser_id LEFT JOIN registrations r ON r.id = a.registration_id
        """;

    /// <summary>Newest first (or oldest) by the row's key, which grows with time: the primary key pages without sorting.</summary>
    public static IReadOnlyList<ActivityEntry> Page(IDbConnection c, long offset, int limit, bool oldestFirst) =>
        c.Query<ActivityEntry>(Select + (oldestFirst ? " ORDER BY a.id" : " ORDER BY a.id DESC") + " LIMIT @limit OFFSET @offset", new { offset, limit }).AsList();

    public static IReadOnlyList<ActivityEntry> Of(IDbConnection c, long registrationId) =>
        c.Query<ActivityEntry>(Select + " WHERE a.registration_id = @registrationId ORDER BY a.id DESC LIMIT 100", new { registrationId }).AsList();
}
