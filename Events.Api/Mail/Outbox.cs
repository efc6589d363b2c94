using System.Data;
using System.Text.Json;
using Dapper;
using Events.Api.Storage;

namespace Events.Api.Mail;

/// <summary>
/// Writes outbox rows inside the caller's transaction, so a state change and the e-mail it owes someone are committed
/// together or not at all; and answers the questions other features ask about them. The kinds and the payloads belong
/// to the features that write them (each supplies an <see cref="IOutboxComposer"/>).
/// </summary>
public static class Outbox
{
    /// <summary>
    /// Raised when a row is written, so the mail worker wakes at once instead of at its next poll. It is raised inside
    /// the writer's transaction; the worker's own write waits for that transaction, so it sees the row once committed.
    /// </summary>
    public static event Action? Enqueued;

    public static void Enqueue(IDbConnection c, IDbTransaction tx, string kind, long? registrationId, DateTimeOffset now, string? payload = null)
    {
        c.Run(tx, """
            INSERT INTO outbox (kind, registration_id, payload, status, next_attempt_at, created_at, updated_at)
            VALUES (@kind, @registrationId, @payload, 'queued', @now, @now, @now)
            """, ("@kind", kind), ("@registrationId", registrationId), ("@payload", payload), ("@now", now.ToUniversalTime()));
        Enqueued?.Invoke();
    }

    /// <summary>The same message for each of <paramref name="registrationIds"/>, in one statement; returns how many rows.</summary>
    public static int EnqueueEach(IDbConnection c, IDbTransaction tx, string kind, IReadOnlyCollection<long> registrationIds, DateTimeOffset now, string? payload = null)
    {
        if (registrationIds.Count == 0) return 0;
        var queued = c.Execute("""
            INSERT INTO outbox (kind, registration_id, payload, status, next_attempt_at, created_at, updated_at)
            SELECT @kind, value, @payload, 'queued', @now, @now, @now FROM json_each(@ids)
            """, new { kind, payload, now = now.ToUniversalTime(), ids = JsonSerializer.Serialize(registrationIds) }, tx);
        Enqueued?.Invoke();
        return queued;
    }

    /// <summary>When the latest message of one of <paramref name="kinds"/> was queued for a registration (to pace requests).</summary>
    public static DateTimeOffset? LastCreatedAt(IDbConnection c, IDbTransaction? tx, long registrationId, IReadOnlyCollection<string> kinds) =>
        c.QuerySingleOrDefault<DateTimeOffset?>("""
            SELECT created_at FROM outbox WHERE registration_id = @registrationId AND kind IN @kinds
            ORDER BY id DESC LIMIT 1
            """, new { registrationId, kinds }, tx);

    /// <summary>Wakes the worker when rows became due without being written (messages queued again).</summary>
    public static void Wake() => Enqueued?.Invoke();
}
