using System.Collections.Concurrent;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Organisers;

/// <summary>
/// Server-side sign-in sessions. Each sign-in is a row whose random id travels in the cookie
/// (<see cref="OrganiserAuth.SessionClaim"/>) and is checked on every request, so ending it on the server ends every
/// copy of that cookie. Signing out ends one session; taking someone's access away ends all of theirs, and restoring
/// the access later revives none. This plays the part of ASP.NET Core Identity's per-account security stamp, but
/// finer: a stamp can only end every session of an account at once, a row ends one device's and leaves the others.
/// <para>
/// The door sends the same cookie thousands of times a second, so the check is a dictionary lookup: a session is read
/// from the database once, the first time this process meets it, then kept in memory. Ending one commits to the
/// database first and then drops it from memory, so the next look-up reads it, ended, once more.
/// </para>
/// </summary>
public sealed class OrganiserSessions(Db db, TimeProvider clock)
{
    /// <summary>
    /// The longest a session lasts, even when used every day: the cookie slides 12 hours at a time without an end of its
    /// own, and rows older than this are purged, so memory and database must agree that such a session is over.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    private const int MaxRemembered = 10_000;
    private static readonly Known Unknown = new(0, default, Ended: true);

    private readonly ConcurrentDictionary<string, Known> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _endings;

    /// <summary>A new session for <paramref name="organiserId"/>; null when the account may no longer sign in.</summary>
    public async Task<string?> StartAsync(long organiserId, CancellationToken ct = default)
    {
        // Drawn outside the unit of work: the writer may run a unit again after a rollback, and both runs must agree.
        var sessionId = SecretCode.New();
        var now = clock.GetUtcNow();
        var started = await db.WriteAsync((c, tx) =>
        {
            OrganiserSessionStore.PurgeCreatedBefore(c, tx, now - MaxAge); // a sign-in is rare enough to tidy up on
            return OrganiserSessionStore.Insert(c, tx, sessionId, organiserId, now);
        }, ct);
        return started ? sessionId : null;
    }

    /// <summary>True when <paramref name="sessionId"/> is a live session of <paramref name="organiserId"/>. No database read once known.</summary>
    public bool IsLive(string? sessionId, long organiserId)
    {
        if (sessionId is null) return false; // a cookie from before sessions existed
        var session = _known.TryGetValue(sessionId, out var known) ? known : Load(sessionId);
        return !session.Ended && session.OrganiserId == organiserId && clock.GetUtcNow() - session.CreatedAt < MaxAge;
    }

    /// <summary>Ends one session (sign-out): every copy of its cookie is refused from the next request on.</summary>
    public async Task EndAsync(string sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.WriteAsync((c, tx) => OrganiserSessionStore.End(c, tx, sessionId, now), ct);
        lock (_gate)
        {
            _endings++;
            _known.TryRemove(sessionId, out _);
        }
    }

    /// <summary>The memory's side of ending all of someone's sessions: call once <see cref="OrganiserSessionStore.EndAllOf"/> is committed.</summary>
    public void EndedAllOf(long organiserId)
    {
        lock (_gate)
        {
            _endings++;
            foreach (var (sessionId, session) in _known)
                if (session.OrganiserId == organiserId) _known.TryRemove(sessionId, out _);
        }
    }

    private Known Load(string sessionId)
    {
        while (true)
        {
            var endings = Volatile.Read(ref _endings);
            OrganiserSession? row;
            using (var c = db.OpenRead()) row = OrganiserSessionStore.Find(c, sessionId);
            var session = row is null ? Unknown : new Known(row.OrganiserId, row.CreatedAt, Ended: row.EndedAt is not null);
            lock (_gate)
            {
                // Read before a session ended and kept after, it would be live again: read it once more instead.
                if (_endings != endings) continue;
                if (_known.Count >= MaxRemembered) _known.Clear(); // a crude bound: the database still has every answer
                return _known.GetOrAdd(sessionId, session);
            }
        }
    }

    private readonly record struct Known(long OrganiserId, DateTimeOffset CreatedAt, bool Ended);
}
