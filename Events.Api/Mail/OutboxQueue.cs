using Events.Api.Storage;

namespace Events.Api.Mail;

/// <summary>The outbox as the worker and the organisers' dashboard use it: each step one unit of work on the writer.</summary>
public sealed class OutboxQueue(Db db, ReadCache cache)
{
    /// <summary>
    /// At start-up, before the worker sends anything: rows left <c>sending</c> belong to a process that died
    /// mid-delivery. They go back to the queue, so delivery is at-least-once and nothing is lost.
    /// </summary>
    public Task<int> RequeueInterruptedAsync(DateTimeOffset now, CancellationToken ct = default) =>
        db.WriteAsync((c, tx) => OutboxStore.RequeueSending(c, tx, now), ct);

    /// <summary>How many messages wait and how many were given up, for the organisers' dashboard.</summary>
    public (long Waiting, long Failed) Counts() => cache.Get("outbox.counts", () =>
    {
        using var c = db.OpenRead();
        return OutboxStore.Counts(c);
    });

    /// <summary>An organiser's "try again": given-up messages go back to the queue with fresh attempts.</summary>
    public async Task<int> RetryFailedAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var requeued = await db.WriteAsync((c, tx) => OutboxStore.RequeueFailed(c, tx, now), ct);
        Outbox.Wake();
        return requeued;
    }

    /// <summary>Marks up to <paramref name="limit"/> due messages <c>sending</c>, counting the attempt, and returns them oldest first.</summary>
    public Task<List<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) =>
        db.WriteAsync((c, tx) => OutboxStore.ClaimDue(c, tx, now, limit), ct);

    /// <summary>Records a batch's outcomes in one transaction.</summary>
    public Task RecordAsync(IReadOnlyList<DeliveryResult> results, DateTimeOffset now, int maxAttempts, TimeSpan firstRetry, CancellationToken ct = default)
    {
        if (results.Count == 0) return Task.CompletedTask;
        return db.WriteAsync((c, tx) =>
        {
            foreach (var r in results)
            {
                if (r.Error is null) OutboxStore.MarkSent(c, tx, r.Id, now);
                else if (r.Permanent || r.Attempts >= maxAttempts) OutboxStore.MarkFailed(c, tx, r.Id, r.Error, now);
                else OutboxStore.Retry(c, tx, r.Id, r.Error, now, now + Backoff(r.Attempts, firstRetry));
            }
        }, ct);
    }

    /// <summary>When the next due message is, if any is queued: the worker sleeps until then at most.</summary>
    public DateTimeOffset? NextDue()
    {
        using var c = db.OpenRead();
        return OutboxStore.NextDue(c);
    }

    /// <summary>Exponential: first retry after <paramref name="first"/>, doubling, capped at five minutes.</summary>
    public static TimeSpan Backoff(long attempts, TimeSpan first)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, first.Ticks * factor));
    }

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
}
