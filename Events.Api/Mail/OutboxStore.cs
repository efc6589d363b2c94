using Dapper;
using Events.Api.Storage;

namespace Events.Api.Mail;

/// <summary>An outbox row claimed for sending.</summary>
public sealed record OutboxMessage(long Id, string Kind, long? RegistrationId, string? Payload, long Attempts);

/// <summary>What happened to one claimed message.</summary>
public sealed record DeliveryResult(long Id, long Attempts, string? Error, bool Permanent = false);

/// <summary>
/// The outbox's life cycle: <c>queued</c> → <c>sending</c> → <c>sent</c>, or back to <c>queued</c> with a later
/// <c>next_attempt_at</c> after a failure, or <c>failed</c> once the attempts are used up. Instants are UTC ISO 8601 text,
/// so they compare as strings.
/// </summary>
public sealed class OutboxStore(Db db)
{
    /// <summary>
    /// At start-up, before the worker sends anything: rows left <c>sending</c> belong to a process that died
    /// mid-delivery. They go back to the queue, so delivery is at-least-once and nothing is lost.
    /// </summary>
    public Task<int> RequeueInterruptedAsync(DateTimeOffset now, CancellationToken ct = default) =>
        db.WriteAsync((c, tx) => c.Execute(
            "UPDATE outbox SET status = 'queued', next_attempt_at = @now, updated_at = @now WHERE status = 'sending'",
            new { now = now.ToUniversalTime() }, tx), ct);

    /// <summary>How many messages wait and how many were given up, for the organisers' dashboard.</summary>
    public (long Waiting, long Failed) Counts()
    {
        using var c = db.OpenRead();
        return c.QuerySingle<(long, long)>(
            "SELECT COUNT(*) FILTER (WHERE status IN ('queued', 'sending')), COUNT(*) FILTER (WHERE status = 'failed') FROM outbox");
    }

    /// <summary>An organiser's "try again": given-up messages go back to the queue with fresh attempts.</summary>
    public async Task<int> RetryFailedAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var requeued = await db.WriteAsync((c, tx) => c.Execute(
            "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = @now, updated_at = @now WHERE status = 'failed'",
            new { now = now.ToUniversalTime() }, tx), ct);
        Outbox.Wake();
        return requeued;
    }

    /// <summary>Marks up to <paramref name="limit"/> due messages <c>sending</c>, counting the attempt, and returns them oldest first.</summary>
    public Task<List<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int limit, CancellationToken ct = default) =>
        db.WriteAsync((c, tx) => c.Query<OutboxMessage>("""
            UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now
            WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= @now
                         ORDER BY next_attempt_at, id LIMIT @limit)
            RETURNING id, kind, registration_id, payload, attempts
            """, new { now = now.ToUniversalTime(), limit }, tx).OrderBy(m => m.Id).ToList(), ct);

    /// <summary>Records a batch's outcomes in one transaction.</summary>
    public Task RecordAsync(IReadOnlyList<DeliveryResult> results, DateTimeOffset now, int maxAttempts, TimeSpan firstRetry, CancellationToken ct = default)
    {
        if (results.Count == 0) return Task.CompletedTask;
        var utc = now.ToUniversalTime();
        return db.WriteAsync((c, tx) =>
        {
            foreach (var r in results)
            {
                if (r.Error is null)
                    c.Execute("UPDATE outbox SET status = 'sent', sent_at = @now, updated_at = @now, last_error = NULL WHERE id = @Id",
                        new { r.Id, now = utc }, tx);
                else if (r.Permanent || r.Attempts >= maxAttempts)
                    c.Execute("UPDATE outbox SET status = 'failed', last_error = @Error, updated_at = @now WHERE id = @Id",
                        new { r.Id, r.Error, now = utc }, tx);
                else
                    c.Execute("UPDATE outbox SET status = 'queued', last_error = @Error, next_attempt_at = @next, updated_at = @now WHERE id = @Id",
                        new { r.Id, r.Error, now = utc, next = utc + Backoff(r.Attempts, firstRetry) }, tx);
            }
        }, ct);
    }

    /// <summary>When the next due message is, if any is queued: the worker sleeps until then at most.</summary>
    public DateTimeOffset? NextDue()
    {
        using var c = db.OpenRead();
        var next = c.ExecuteScalar<string?>("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued'");
        return next is null ? null : DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Exponential: first retry after <paramref name="first"/>, doubling, capped at five minutes.</summary>
    public static TimeSpan Backoff(long attempts, TimeSpan first)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        return TimeSpan.FromTicks((long)Math.Min(MaxBackoff.Ticks, first.Ticks * factor));
    }

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);
}
