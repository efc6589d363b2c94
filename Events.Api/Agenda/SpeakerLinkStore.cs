using System.Data;
using Dapper;

namespace Events.Api.Agenda;

/// <summary>The SQL of speakers' single-use links. Only a hash of each token is stored (<c>SecretCode.Hash</c>).</summary>
public static class SpeakerLinkStore
{
    public static void Insert(IDbConnection c, IDbTransaction tx, long speakerId, string tokenHash, string purpose, DateTimeOffset expiresAt, DateTimeOffset now) =>
        c.Execute("""
            INSERT INTO speaker_links (speaker_id, token_hash, purpose, expires_at, created_at)
            VALUES (@speakerId, @tokenHash, @purpose, @expiresAt, @now)
            """, new { speakerId, tokenHash, purpose, expiresAt = expiresAt.ToUniversalTime(), now = now.ToUniversalTime() }, tx);

    public static bool IsLive(IDbConnection c, string tokenHash, DateTimeOffset now) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM speaker_links WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now",
            new { tokenHash, now = now.ToUniversalTime() }) > 0;

    /// <summary>For each speaker of an event who has links: the latest link sent, the first sign-in, until when a link still works.</summary>
    public static IReadOnlyList<SpeakerLinkStatus> Statuses(IDbConnection c, long eventId, DateTimeOffset now) =>
        c.Query<SpeakerLinkStatus>("""
            SELECT l.speaker_id, MAX(l.created_at) AS last_sent_at, MIN(l.used_at) AS first_sign_in_at,
                   MAX(CASE WHEN l.used_at IS NULL AND l.expires_at > @now THEN l.expires_at END) AS link_valid_until
            FROM speaker_links l JOIN speakers s ON s.id = l.speaker_id
            WHERE s.event_id = @eventId GROUP BY l.speaker_id
            """, new { eventId, now = now.ToUniversalTime() }).AsList();

    /// <summary>Marks the link used and gives its speaker, in one statement, so two clicks cannot both sign in.</summary>
    public static long? Redeem(IDbConnection c, IDbTransaction tx, string tokenHash, DateTimeOffset now) =>
        c.QuerySingleOrDefault<long?>("""
            UPDATE speaker_links SET used_at = @now
            WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now
            RETURNING speaker_id
            """, new { tokenHash, now = now.ToUniversalTime() }, tx);
}
