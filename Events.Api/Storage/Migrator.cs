using System.Reflection;
using Dapper;

namespace Events.Api.Storage;

/// <summary>Applies the embedded, numbered <c>Migrations/NNNN_name.sql</c> files not yet recorded in <c>schema_version</c>.</summary>
public static class Migrator
{
    /// <summary>Brings the schema up to date, or only up to version <paramref name="through"/> (a test's older database).</summary>
    public static IReadOnlyList<string> Migrate(Db db, int through = int.MaxValue)
    {
        db.WriteAsync((c, tx) => c.Execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
            transaction: tx)).GetAwaiter().GetResult();

        var applied = new List<string>();
        foreach (var (version, name, sql) in Scripts().Where(s => s.Version <= through))
        {
            var done = db.WriteAsync((c, tx) =>
            {
                if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_version WHERE version = @version", new { version }, tx) > 0)
                    return false;
                c.Execute(sql, transaction: tx);
                c.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @now)",
                    new { version, name, now = DateTimeOffset.UtcNow.ToString("O") }, tx);
                return true;
            }).GetAwaiter().GetResult();
            if (done) applied.Add(name);
        }
        return applied;
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "Events.Api.Storage.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name[..4]);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (version, name, reader.ReadToEnd());
        }
    }
}
