using System.Data;
using Dapper;

namespace Events.Api.Organisers;

/// <summary>The SQL of organiser accounts.</summary>
public static class OrganiserStore
{
    private const string Columns = "id, email, name, role, password_hash, failed_logins, locked_until, created_at, updated_at";

    public static Organiser? ByEmail(IDbConnection c, string email, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Organiser>($"SELECT {Columns} FROM organisers WHERE email_key = @key", new { key = Key(email) }, tx);

    public static Organiser? ById(IDbConnection c, long id, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Organiser>($"SELECT {Columns} FROM organisers WHERE id = @id", new { id }, tx);

    public static long Insert(IDbConnection c, IDbTransaction tx, string email, string name, string role, string? passwordHash, DateTimeOffset now) =>
        c.QuerySingle<long>("""
            INSERT INTO organisers (email, email_key, name, role, password_hash, created_at, updated_at)
            VALUES (@email, @key, @name, @role, @passwordHash, @now, @now) RETURNING id
            """, new { email = email.Trim(), key = Key(email), name, role, passwordHash, now }, tx);

    /// <summary>Counts a failed sign-in; at <paramref name="limit"/> failures in a row, locks the account and returns until when.</summary>
    public static DateTimeOffset? CountFailure(IDbConnection c, IDbTransaction tx, long id, int limit, DateTimeOffset lockUntil, DateTimeOffset now)
    {
        var failures = c.ExecuteScalar<long>(
            "UPDATE organisers SET failed_logins = failed_logins + 1, updated_at = @now WHERE id = @id RETURNING failed_logins", new { id, now }, tx);
        if (failures < limit) return null;
        c.Execute("UPDATE organisers SET failed_logins = 0, locked_until = @lockUntil WHERE id = @id", new { id, lockUntil }, tx);
        return lockUntil;
    }

    /// <summary>A successful sign-in clears the failures (and stores a rehashed password); false when the account is locked.</summary>
    public static bool RecordSignIn(IDbConnection c, IDbTransaction tx, long id, string passwordHash, DateTimeOffset now) =>
        c.Execute("""
            UPDATE organisers SET failed_logins = 0, locked_until = NULL, password_hash = @passwordHash, updated_at = @now
            WHERE id = @id AND (locked_until IS NULL OR locked_until <= @now)
            """, new { id, passwordHash, now }, tx) == 1;

    public static long AdminCount(IDbConnection c, IDbTransaction? tx = null) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM organisers WHERE role = 'admin' AND password_hash IS NOT NULL", transaction: tx);

    public static string Key(string email) => email.Trim().ToLowerInvariant();
}
