using System.Data;
using Dapper;
using Events.Api.Security;

namespace Events.Api.Organisers;

/// <summary>The SQL of organiser sessions. Rows are found by a SHA-256 of the session id (see 0008_organiser_sessions.sql).</summary>
public static class OrganiserSessionStore
{
    /// <summary>
    /// Records a new session, only while the account may sign in. Sign-in and Remove access both go through the single
    /// writer, so a sign-in that was checking its password while the access was removed gets no session: false.
    /// </summary>
    public static bool Insert(IDbConnection c, IDbTransaction tx, string sessionId, long organiserId, DateTimeOffset now) =>
        c.Execute("""
            INSERT INTO organiser_sessions (id_hash, organiser_id, created_at)
            SELECT @hash, id, @now FROM organisers WHERE id = @organiserId AND removed_at IS NULL AND password_hash IS NOT NULL
            """, new { hash = Hash(sessionId), organiserId, now }, tx) == 1;

    public static OrganiserSession? Find(IDbConnection c, string sessionId) =>
        c.QuerySingleOrDefault<OrganiserSession>(
            "SELECT organiser_id, created_at, ended_at FROM organiser_sessions WHERE id_hash = @hash", new { hash = Hash(sessionId) });

    public static void End(IDbConnection c, IDbTransaction tx, string sessionId, DateTimeOffset now) =>
        c.Execute("UPDATE organiser_sessions SET ended_at = @now WHERE id_hash = @hash AND ended_at IS NULL",
            new { hash = Hash(sessionId), now }, tx);

    public static void EndAllOf(IDbConnection c, IDbTransaction tx, long organiserId, DateTimeOffset now) =>
        c.Execute("UPDATE organiser_sessions SET ended_at = @now WHERE organiser_id = @organiserId AND ended_at IS NULL",
            new { organiserId, now }, tx);

    /// <summary>Forgets sessions too old to be live, whether they were ended or simply abandoned.</summary>
    public static void PurgeCreatedBefore(IDbConnection c, IDbTransaction tx, DateTimeOffset cutoff) =>
        c.Execute("DELETE FROM organiser_sessions WHERE created_at < @cutoff", new { cutoff }, tx);

    private static string Hash(string sessionId) => SecretCode.Hash(sessionId);
}
