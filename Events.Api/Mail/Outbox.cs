using System.Data;
using Events.Api.Storage;

namespace Events.Api.Mail;

/// <summary>The kinds of message the outbox holds; the mail worker words each one.</summary>
public static class MailKind
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Promoted = "promoted";
    public const string Cancelled = "cancelled";
    /// <summary>Someone tried to register an address that already holds a registration: its owner gets their links again.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>The holder asked for their ticket again.</summary>
    public const string Resend = "resend";
    /// <summary>The holder replaced their ticket code: the new ticket.</summary>
    public const string Replaced = "replaced";
    /// <summary>A message written by the organisers to attendees; its subject and text are in the payload.</summary>
    public const string Announcement = "announcement";
}

/// <summary>
/// Writes an outbox row inside the caller's transaction, so a state change and the e-mail it owes someone
/// are committed together or not at all.
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

    /// <summary>Wakes the worker when rows became due without being written (messages queued again).</summary>
    public static void Wake() => Enqueued?.Invoke();
}
