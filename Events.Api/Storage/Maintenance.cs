using Dapper;
using Microsoft.Data.Sqlite;

namespace Events.Api.Storage;

/// <summary>
/// <c>Events.Web backup FILE</c> and <c>Events.Web restore FILE</c>. A backup is SQLite's online backup of the whole
/// database (safe while the app runs: a consistent snapshot, copied page by page), plus, in a table of the copy only,
/// the keys that sign cookies (<c>keys/</c> beside the database, kept out of the live file so that a copy of it alone
/// opens nothing). A restore replaces the database and the keys with a backup's; it is refused while an app runs on
/// that database (<see cref="DatabaseLock"/>).
/// </summary>
public static class Maintenance
{
    /// <summary>Runs <c>backup</c> or <c>restore</c> from the command line: one line of outcome, exit code 0 or 1.</summary>
    public static int Run(string command, string file, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        try
        {
            var connectionString = StorageSetup.ConnectionString(configuration);
            Console.WriteLine(command == "backup" ? Backup(connectionString, file) : Restore(connectionString, file));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or SqliteException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{command} failed: {(e is SqliteException s ? StorageFaults.Describe(s) : e.Message)}");
            return 1;
        }
    }

    /// <summary>Copies the live database to <paramref name="file"/>, then checks the copy; returns what to print.</summary>
    public static string Backup(string connectionString, string file)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target)) throw new IOException($"{target} already exists: choose a new file name.");
        using (var source = Open(connectionString, SqliteOpenMode.ReadOnly))
        using (var copy = Open($"Data Source={target};Pooling=False", SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            Check(copy, target);
            copy.Execute("CREATE TABLE backup_keys (name TEXT PRIMARY KEY, xml TEXT NOT NULL)");
            var keys = StorageSetup.KeysFolder(connectionString);
            foreach (var key in Directory.Exists(keys) ? Directory.GetFiles(keys, "*.xml") : [])
                copy.Execute("INSERT INTO backup_keys (name, xml) VALUES (@name, @xml)", new { name = Path.GetFileName(key), xml = File.ReadAllText(key) });
        }
        return $"Backed up to {target} ({new FileInfo(target).Length:N0} bytes).";
    }

    /// <summary>Replaces the database with the backup <paramref name="file"/> after checking it; returns what to print.</summary>
    public static string Restore(string connectionString, string file)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new IOException($"{source} does not exist.");
        using (var backup = Open($"Data Source={source};Pooling=False", SqliteOpenMode.ReadOnly)) Check(backup, source);
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        // Held until the restore ends: refused while an app runs on the database, and no app starts on it meanwhile.
        using var hold = DatabaseLock.Exclusive(database);
        using (var live = Open(connectionString, SqliteOpenMode.ReadWriteCreate))
        {
            // Another program writing (the sqlite3 shell, an app older than the lock) makes this fail at once.
            live.Execute("PRAGMA busy_timeout = 0; BEGIN EXCLUSIVE; ROLLBACK;");
            using var backup = Open($"Data Source={source};Pooling=False", SqliteOpenMode.ReadOnly);
            backup.BackupDatabase(live);
            Check(live, database);
            var keys = Directory.CreateDirectory(StorageSetup.KeysFolder(connectionString)).FullName;
            foreach (var (name, xml) in live.Query<(string, string)>("SELECT name, xml FROM backup_keys"))
                File.WriteAllText(Path.Combine(keys, Path.GetFileName(name)), xml);
            live.Execute("DROP TABLE backup_keys");
        }
        return $"Restored {Path.GetFullPath(database)} from {source}.";
    }

    private static SqliteConnection Open(string connectionString, SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        if (mode != SqliteOpenMode.ReadOnly) connection.Execute("PRAGMA secure_delete = ON"); // as the app's (Db)
        return connection;
    }

    private static void Check(SqliteConnection c, string file)
    {
        var result = c.ExecuteScalar<string>("PRAGMA integrity_check");
        if (result != "ok") throw new InvalidDataException($"{file} fails SQLite's integrity check: {result}");
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_version'") == 0)
            throw new InvalidDataException($"{file} is not an Events database (no schema_version table).");
    }
}
