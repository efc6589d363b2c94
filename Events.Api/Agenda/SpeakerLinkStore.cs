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

    /// <summary>Marks the link used and gives its speaker, in one statement, so two clicks cannot both sign in.</summary>
    public static long? Redeem(IDbConnection c, IDbTransaction tx, string tokenHash, DateTimeOffset now) =>
        c.QuerySingleOrDefault<long?>("""
            UPDATE speaker_links SET used_at = @now
            WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now
            RETURNING speaker_id
            """, new { tokenHash, now = now.ToUniversalTime() }, tx);
}
