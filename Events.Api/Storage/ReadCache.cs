using System.Collections.Concurrent;

namespace Events.Api.Storage;

/// <summary>
/// Answers of the organisers' read models, kept while the database has not changed since they were read: a page that
/// aggregates 10,000 registrations (the dashboard, the list's counts, the needs) is read once per change, not once per
/// view. Every write goes through <see cref="Db.WriteAsync{T}"/>, whose <see cref="Db.Version"/> moves at each commit,
/// so an answer is never older than the app's last commit (a change made from outside the app, in the sqlite3 shell,
/// shows after the app's next commit). Small answers only (a page of 50, counts, charts): the export
/// and the printouts are read afresh.
/// </summary>
public sealed class ReadCache(Db db)
{
    // Bounds memory: a few dozen list pages, searches and charts. Past that, every answer goes and is read again.
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed record Entry(long Version, object? Value);

    /// <summary>The answer last read for <paramref name="key"/> if nothing was committed since, else <paramref name="read"/>'s.</summary>
    public T Get<T>(string key, Func<T> read)
    {
        // The version is taken before reading: a commit during the read leaves an entry already out of date, never a
        // stale one that looks current.
        var version = db.Version;
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version) return (T)entry.Value!;
        var value = read();
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = new Entry(version, value);
        return value;
    }
}
