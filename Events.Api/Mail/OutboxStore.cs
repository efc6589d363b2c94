using System.Data;
using System.Text.Json;
using Dapper;
using Events.Api.Storage;

namespace Events.Api.Mail;

/// <summary>An outbox row claimed for sending; <see cref="Batch"/> is the writer's own grouping (a message to many).</summary>
public sealed record OutboxMessage(long Id, string Kind, long? RegistrationId, string? Payload, long Attempts, long? Batch = null);

/// <summary>Where the messages of one batch stand.</summary>
public sealed record BatchCounts(long Batch, long Queued, long Sent, long Failed);

/// <summary>What happened to one claimed message.</summary>
public sealed record DeliveryResult(long Id, long Attempts, string? Error, bool Permanent = false);

/// <summary>
/// The SQL of the outbox. Its life cycle: <c>queued</c> → <c>sending</c> → <c>sent</c>, or back to <c>queued</c> with a
/// later <c>next_attempt_at</c> after a failure, or <c>failed</c> once the attempts are used up. Instants are UTC
/// ISO 8601 text, so they compare as strings.
/// </summary>
public static class OutboxStore
{
    public static void Insert(IDbConnection c, IDbTransaction tx, string kind, long? registrationId, DateTimeOffset now, string? payload) =>
        c.Run(tx, """
            INSERT INTO outbox (kind, registration_id, payload, status, next_attempt_at, created_at, updated_at)
            VALUES (@kind, @registrationId, @payload, 'queued', @now, @now, @now)
            """, ("@kind", kind), ("@registrationId", registrationId), ("@payload", payload), ("@now", now.ToUniversalTime()));

    public static int InsertEach(IDbConnection c, IDbTransaction tx, string kind, IReadOnlyCollection<long> registrationIds, DateTimeOffset now, string? payload, long? batch) =>
        c.Execute("""
            INSERT INTO outbox (kind, registration_id, payload, batch, status, next_attempt_at, created_at, updated_at)
            SELECT @kind, value, @payload, @batch, 'queued', @now, @now, @now FROM json_each(@ids)
            """, new { kind, payload, batch, now = now.ToUniversalTime(), ids = JsonSerializer.Serialize(registrationIds) }, tx);

    public static IReadOnlyList<BatchCounts> CountBatches(IDbConnection c, IReadOnlyCollection<long> batches) =>
        batches.Count == 0 ? [] : c.Query<BatchCounts>("""
            SELECT batch, COUNT(*) FILTER (WHERE status IN ('queued', 'sending')) AS queued,
                   COUNT(*) FILTER (WHERE status = 'sent') AS sent, COUNT(*) FILTER (WHERE status = 'failed') AS failed
            FROM outbox WHERE batch IN (SELECT value FROM json_each(@batches)) GROUP BY batch
            """, new { batches = JsonSerializer.Serialize(batches) }).AsList();

    public static DateTimeOffset? LastCreatedAt(IDbConnection c, IDbTransaction? tx, long registrationId, IReadOnlyCollection<string> kinds) =>
        c.QuerySingleOrDefault<DateTimeOffset?>("""
            SELECT created_at FROM outbox WHERE registration_id = @registrationId AND kind IN @kinds
            ORDER BY id DESC LIMIT 1
            """, new { registrationId, kinds }, tx);

    public static int DeleteFor(IDbConnection c, IDbTransaction tx, IReadOnlyCollection<long> registrationIds) =>
        registrationIds.Count == 0 ? 0 : c.Execute("DELETE FROM outbox WHERE registration_id IN (SELECT value FROM json_each(@ids))",
            new { ids = JsonSerializer.Serialize(registrationIds) }, tx);

    public static int ClearErrorsBefore(IDbConnection c, IDbTransaction tx, DateTimeOffset before) =>
        c.Execute("UPDATE outbox SET last_error = NULL WHERE last_error IS NOT NULL AND created_at < @before",
            new { before = before.ToUniversalTime() }, tx);

    public static int RequeueSending(IDbConnection c, IDbTransaction tx, DateTimeOffset now) =>
        c.Execute("UPDATE outbox SET status = 'queued', next_attempt_at = @now, updated_at = @now WHERE status = 'sending'",
            new { now = now.ToUniversalTime() }, tx);

    public static (long Waiting, long Failed) Counts(IDbConnection c) =>
        c.QuerySingle<(long, long)>(
            "SELECT COUNT(*) FILTER (WHERE status IN ('queued', 'sending')), COUNT(*) FILTER (WHERE status = 'failed') FROM outbox");

    public static int RequeueFailed(IDbConnection c, IDbTransaction tx, DateTimeOffset now) =>
        c.Execute("UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = @now, updated_at = @now WHERE status = 'failed'",
            new { now = now.ToUniversalTime() }, tx);

    public static List<OutboxMessage> ClaimDue(IDbConnection c, IDbTransaction tx, DateTimeOffset now, int limit) =>
        c.Query<OutboxMessage>("""
            UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = @now
            WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= @now
                         ORDER BY next_attempt_at, id LIMIT @limit)
            RETURNING id, kind, registration_id, payload, attempts, batch
            """, new { now = now.ToUniversalTime(), limit }, tx).OrderBy(m => m.Id).ToList();

    public static void MarkSent(IDbConnection c, IDbTransaction tx, long id, DateTimeOffset now) =>
        // The payload goes once sent: it may carry a link or an organiser's words that nobody needs any more.
        c.Execute("UPDATE outbox SET status = 'sent', sent_at = @now, updated_at = @now, last_error = NULL, payload = NULL WHERE id = @id",
            new { id, now = now.ToUniversalTime() }, tx);

    public static void MarkFailed(IDbConnection c, IDbTransaction tx, long id, string error, DateTimeOffset now) =>
        c.Execute("UPDATE outbox SET status = 'failed', last_error = @error, updated_at = @now WHERE id = @id",
            new { id, error, now = now.ToUniversalTime() }, tx);

    public static void Retry(IDbConnection c, IDbTransaction tx, long id, string error, DateTimeOffset now, DateTimeOffset next) =>
        c.Execute("UPDATE outbox SET status = 'queued', last_error = @error, next_attempt_at = @next, updated_at = @now WHERE id = @id",
            new { id, error, now = now.ToUniversalTime(), next = next.ToUniversalTime() }, tx);

    public static DateTimeOffset? NextDue(IDbConnection c) =>
        c.ExecuteScalar<string?>("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued'") is { } next
            ? SqlConventions.ReadInstant(next) : null;
}
