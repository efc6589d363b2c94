using System.Data;
using Dapper;

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
}

/// <summary>
/// Writes an outbox row inside the caller's transaction, so a state change and the e-mail it owes someone
/// are committed together or not at all.
/// </summary>
public static class Outbox
{
    public static void Enqueue(IDbConnection c, IDbTransaction tx, string kind, long? registrationId, DateTimeOffset now, string? payload = null) =>
        c.Execute("""
            INSERT INTO outbox (kind, registration_id, payload, status, next_attempt_at, created_at, updated_at)
            VALUES (@kind, @registrationId, @payload, 'queued', @now, @now, @now)
            """, new { kind, registrationId, payload, now }, tx);
}
