using System.Collections.Concurrent;
using Events.Api.Security;

namespace Events.Web.Pages.Organisers.Attendees;

/// <summary>
/// What an organiser searched for, kept on the server behind an opaque id for a short while, so a search can be a GET
/// (Back, reload and paging work) while the name typed never reaches an address, a server log or the browser's history.
/// An id opens only its own organiser's search, for <see cref="Lifetime"/> after its last use; a restart forgets them
/// all (the page then asks to search again). At most <see cref="Capacity"/> are kept, the oldest dropped first.
/// </summary>
public sealed class SavedSearches(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int Capacity = 10_000;

    private sealed record Entry(long OrganiserId, string Text, DateTimeOffset Expires);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="text"/> for <paramref name="organiserId"/>; returns its id (128 bits and more, like every code here).</summary>
    public string Save(long organiserId, string text)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= Capacity) Trim(now);
        var id = SecretCode.New();
        _entries[id] = new Entry(organiserId, text, now + Lifetime);
        return id;
    }

    /// <summary>The search behind <paramref name="id"/>, when it is this organiser's and still kept; its life starts again.</summary>
    public string? Find(string? id, long organiserId)
    {
        if (id is null || !_entries.TryGetValue(id, out var entry)) return null;
        var now = clock.GetUtcNow();
        if (entry.OrganiserId != organiserId) return null;
        if (entry.Expires <= now) { _entries.TryRemove(id, out _); return null; }
        _entries[id] = entry with { Expires = now + Lifetime };
        return entry.Text;
    }

    private void Trim(DateTimeOffset now)
    {
        foreach (var (id, entry) in _entries) if (entry.Expires <= now) _entries.TryRemove(id, out _);
        foreach (var (id, _) in _entries.OrderBy(e => e.Value.Expires).Take(Math.Max(0, _entries.Count - Capacity + 1))) _entries.TryRemove(id, out _);
    }
}
