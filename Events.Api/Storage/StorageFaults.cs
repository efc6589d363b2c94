using Microsoft.Data.Sqlite;

namespace Events.Api.Storage;

/// <summary>The database cannot be used at all (at start-up): which file, and why, in words an operator can act on.</summary>
public sealed class DatabaseUnavailableException(string file, string cause, Exception inner)
    : Exception($"the database {file} cannot be used: {cause}", inner)
{
    public string File { get; } = file;
}

/// <summary>A write the storage itself refused (disk full, file gone read-only): nothing the request did wrong; try later.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Faults of the disk under the database, as the writer meets them. They are counted rather than logged one by one (a
/// full disk under a rush is thousands of failed requests): see <see cref="TakeReport"/>. The first commit that
/// succeeds clears them.
/// </summary>
public sealed class StorageFaults
{
    private readonly Lock _gate = new();
    private long _count;
    private long _unreported;
    private string? _last;

    /// <summary>SQLite's answers that are about the disk or the file, not about the SQL.</summary>
    public static bool IsStorageFault(SqliteException e) => e.SqliteErrorCode is
        10 /* IOERR */ or 13 /* FULL */ or 8 /* READONLY */ or 14 /* CANTOPEN */ or 11 /* CORRUPT */ or 26 /* NOTADB */;

    /// <summary>A cause in words: what SQLite said, and what it usually means for an operator.</summary>
    public static string Describe(SqliteException e) => e.SqliteErrorCode switch
    {
        13 => "the disk is full",
        8 => "it is read-only",
        14 => "it cannot be opened for writing (is its folder read-only or missing?)",
        26 => "it is not a SQLite database",
        11 => "it is corrupt",
        10 => $"the disk failed ({e.Message})",
        _ => e.Message,
    };

    public StorageUnavailableException Record(string file, SqliteException e)
    {
        var cause = Describe(e);
        lock (_gate)
        {
            _count++;
            _unreported++;
            _last = cause;
        }
        return new StorageUnavailableException($"Writing to {file} failed: {cause}", e);
    }

    /// <summary>Whether the last write failed on the disk or the file (a commit since clears it).</summary>
    public bool Failing => Volatile.Read(ref _count) > 0;

    public void Cleared()
    {
        if (Volatile.Read(ref _count) == 0) return;
        lock (_gate) { _count = 0; _last = null; }
    }

    /// <summary>Faults since the last report, and the latest cause; (0, null) when there is nothing new to say.</summary>
    public (long Count, string? Cause) TakeReport()
    {
        lock (_gate)
        {
            var report = (_unreported, _last);
            _unreported = 0;
            return report;
        }
    }
}
