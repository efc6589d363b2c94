using System.Data;
using Dapper;

namespace Events.Api.Messages;

/// <summary>A message as the history lists it.</summary>
public sealed record SentMessage(long Id, string Audience, string Subject, long Recipients, DateTimeOffset CreatedAt, string OrganiserName, string OrganiserEmail)
{
    /// <summary>Who sent it: the organiser's name, else their address.</summary>
    public string Author => OrganiserName.Length > 0 ? OrganiserName : OrganiserEmail;
}

/// <summary>The SQL of organisers' messages: who they go to, and the <c>messages</c> table.</summary>
public static class MessageStore
{
    // Arrived = confirmed with a check-in row (an undone check-in deletes its row).
    private const string Recipients = """
        FROM registrations r
        WHERE r.event_id = @eventId AND CASE @audience
            WHEN 'confirmed' THEN r.status = 'confirmed'
            WHEN 'waitlisted' THEN r.status = 'waitlisted'
            WHEN 'everyone' THEN r.status IN ('confirmed', 'waitlisted')
            WHEN 'arrived' THEN r.status = 'confirmed' AND EXISTS (SELECT 1 FROM checkins k WHERE k.registration_id = r.id)
            WHEN 'absent' THEN r.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM checkins k WHERE k.registration_id = r.id)
            ELSE 0 END
        """;

    public static IReadOnlyCollection<long> RecipientIds(IDbConnection c, IDbTransaction tx, long eventId, string audience) =>
        c.Query<long>("SELECT r.id " + Recipients + " ORDER BY r.id", new { eventId, audience }, tx).AsList();

    public static long CountRecipients(IDbConnection c, long eventId, string audience) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) " + Recipients, new { eventId, audience });

    public static long Insert(IDbConnection c, IDbTransaction tx, long eventId, long organiserId, string audience, Announcement message, DateTimeOffset now) =>
        c.ExecuteScalar<long>("""
            INSERT INTO messages (event_id, organiser_id, audience, subject, body, recipients, created_at)
            VALUES (@eventId, @organiserId, @audience, @Subject, @Body, 0, @now) RETURNING id
            """, new { eventId, organiserId, audience, message.Subject, message.Body, now = now.ToUniversalTime() }, tx);

    /// <summary>The same message to the same audience sent since <paramref name="since"/> (a second click, a second tab), if any.</summary>
    public static (long Id, int Recipients)? SameSince(IDbConnection c, IDbTransaction tx, long eventId, string audience, Announcement message, DateTimeOffset since) =>
        c.QuerySingleOrDefault<(long, int)?>("""
            SELECT id, recipients FROM messages
            WHERE event_id = @eventId AND audience = @audience AND subject = @Subject AND body = @Body AND created_at >= @since
            ORDER BY id DESC LIMIT 1
            """, new { eventId, audience, message.Subject, message.Body, since = since.ToUniversalTime() }, tx);

    public static void SetRecipients(IDbConnection c, IDbTransaction tx, long id, int recipients) =>
        c.Execute("UPDATE messages SET recipients = @recipients WHERE id = @id", new { id, recipients }, tx);

    public static Announcement? ById(IDbConnection c, long id) =>
        c.QuerySingleOrDefault<Announcement>("SELECT subject, body FROM messages WHERE id = @id", new { id });

    private const string SentColumns = """
        SELECT m.id, m.audience, m.subject, m.recipients, m.created_at, o.name AS organiser_name, o.email AS organiser_email
        FROM messages m JOIN organisers o ON o.id = m.organiser_id
        """;

    public static SentMessage? Find(IDbConnection c, long eventId, long id) =>
        c.QuerySingleOrDefault<SentMessage>(SentColumns + " WHERE m.event_id = @eventId AND m.id = @id", new { eventId, id });

    /// <summary>An event's messages, latest first, one page; and how many there are in all.</summary>
    public static (IReadOnlyList<SentMessage> Page, long Total) History(IDbConnection c, long eventId, int limit, int offset) =>
        (c.Query<SentMessage>(SentColumns + " WHERE m.event_id = @eventId ORDER BY m.id DESC LIMIT @limit OFFSET @offset",
            new { eventId, limit, offset }).AsList(),
         c.ExecuteScalar<long>("SELECT COUNT(*) FROM messages WHERE event_id = @eventId", new { eventId }));
}
