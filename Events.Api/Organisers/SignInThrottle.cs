using System.Collections.Concurrent;

namespace Events.Api.Organisers;

/// <summary>
/// Slows down password guessing without handing anyone a way to lock an organiser out. Failures are counted per
/// account <em>and</em> client address: after <see cref="FreeFailures"/> failures from one address, that address
/// waits before its next try for that account, 30 s, then twice as long after each further failure, up to 15 minutes.
/// The right person on another address (their own phone at the door) is never slowed by someone else's guesses, and an
/// address nobody has an account for is counted just the same, so the answer and its timing reveal nothing. A success
/// clears that address's count. Kept in memory: a restart forgives, which costs a guesser nothing they could not get
/// from a new address, while the per-address rate limit on sign-ins caps how fast any one address tries.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(15);
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<(string Account, string Address), Failures> _failures = new();

    /// <summary>When this address may try this account again; null when it may now.</summary>
    public DateTimeOffset? WaitUntil(string accountKey, string? address) =>
        _failures.TryGetValue((accountKey, address ?? ""), out var f) && f.Count >= FreeFailures && Until(f) is var until && until > clock.GetUtcNow()
            ? until : null;

    /// <summary>Counts a failure; returns when the next try is allowed, or null while tries are still free.</summary>
    public DateTimeOffset? Failed(string accountKey, string? address)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxTracked) Forget(now);
        var f = _failures.AddOrUpdate((accountKey, address ?? ""), _ => new Failures(1, now), (_, old) => new Failures(old.Count + 1, now));
        return f.Count >= FreeFailures ? Until(f) : null;
    }

    public void Succeeded(string accountKey, string? address) => _failures.TryRemove((accountKey, address ?? ""), out _);

    private static DateTimeOffset Until(Failures f)
    {
        var doublings = Math.Min(f.Count - FreeFailures, 10);
        var delay = TimeSpan.FromTicks(Math.Min(FirstDelay.Ticks << doublings, LongestDelay.Ticks));
        return f.LastAt + delay;
    }

    /// <summary>Drops entries whose delay is over (a crude bound on memory under a spray of addresses).</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, f) in _failures)
            if (now - f.LastAt > LongestDelay) _failures.TryRemove(key, out _);
    }

    private readonly record struct Failures(int Count, DateTimeOffset LastAt);
}
