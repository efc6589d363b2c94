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

    public static long Count(IDbConnection c, string[] prefixes) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM activity a" + Where(prefixes), Parameters(prefixes));

    // The prefixes come from ActivityKinds' fixed list, passed as parameters all the same; none means every action.
    private static string Where(string[] prefixes) =>
        prefixes.Length == 0 ? "" : " WHERE (" + string.Join(" OR ", prefixes.Select((_, i) => $"a.action LIKE @p{i}")) + ")";

    private static DynamicParameters Parameters(string[] prefixes, object? more = null)
    {
        var p = new DynamicParameters(more);
        for (var i = 0; i < prefixes.Length; i++) p.Add($"p{i}", prefixes[i] + "%");
        return p;
    }

    private const string Select = """
        SELECT a.id, a.at, a.action, a.registration_id, a.detail, o.name AS organiser_name, o.email AS organiser_email,
               r.first_name, r.last_name
        FROM activity a JOIN organisers o ON o.id = a.organiser_id LEFT JOIN registrations r ON r.id = a.registration_id
        """;

    /// <summary>Newest first (or oldest) by the row's key, which grows with time: the primary key pages without sorting.</summary>
    public static IReadOnlyList<ActivityEntry> Page(IDbConnection c, long offset, int limit, string[] prefixes, bool oldestFirst = false) =>
        c.Query<ActivityEntry>(Select + Where(prefixes) + (oldestFirst ? " ORDER BY a.id" : " ORDER BY a.id DESC") + " LIMIT @limit OFFSET @offset",
            Parameters(prefixes, new { offset, limit })).AsList();

    public static IReadOnlyList<ActivityEntry> Of(IDbConnection c, long registrationId) =>
        c.Query<ActivityEntry>(Select + " WHERE a.registration_id = @registrationId ORDER BY a.id DESC LIMIT 100", new { registrationId }).AsList();
}
