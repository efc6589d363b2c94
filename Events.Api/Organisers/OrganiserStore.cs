using System.Data;
using Dapper;
using Events.Api.Security;

namespace Events.Api.Organisers;

/// <summary>The SQL of organiser accounts.</summary>
public static class OrganiserStore
{
    private const string Columns = "id, email, name, role, password_hash, failed_logins, locked_until, created_at, updated_at, removed_at";

    public static Organiser? ByEmail(IDbConnection c, string email, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Organiser>($"SELECT {Columns} FROM organisers WHERE email_key = @key", new { key = EmailAddress.Key(email) }, tx);

    public static Organiser? ById(IDbConnection c, long id, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Organiser>($"SELECT {Columns} FROM organisers WHERE id = @id", new { id }, tx);

    public static IEnumerable<Organiser> All(IDbConnection c) => c.Query<Organiser>($"SELECT {Columns} FROM organisers ORDER BY email_key");

    /// <summary>Role by id of everyone who may act as an organiser now.</summary>
    public static Dictionary<long, string> ActiveRoles(IDbConnection c) =>
        c.Query<(long Id, string Role)>("SELECT id, role FROM organisers WHERE password_hash IS NOT NULL AND removed_at IS NULL")
            .ToDictionary(r => r.Id, r => r.Role);

    public static long Insert(IDbConnection c, IDbTransaction tx, string email, string name, string role, string? passwordHash, DateTimeOffset now) =>
        c.QuerySingle<long>("""
            INSERT INTO organisers (email, email_key, name, role, password_hash, created_at, updated_at)
            VALUES (@email, @key, @name, @role, @passwordHash, @now, @now) RETURNING id
            """, new { email = email.Trim(), key = EmailAddress.Key(email), name, role, passwordHash, now }, tx);

    /// <summary>
    /// Takes access away. An invitation never accepted is withdrawn altogether (row and link), so that address can be
    /// invited again; an account that was used stays, marked removed, because its scans name it. False when nothing changed.
    /// </summary>
    public static bool Remove(IDbConnection c, IDbTransaction tx, long id, DateTimeOffset now)
    {
        if (c.ExecuteScalar<bool>("SELECT password_hash IS NULL FROM organisers WHERE id = @id", new { id }, tx))
        {
            c.Execute("DELETE FROM organiser_tokens WHERE organiser_id = @id", new { id }, tx);
            return c.Execute("DELETE FROM organisers WHERE id = @id", new { id }, tx) == 1;
        }
        return c.Execute("UPDATE organisers SET removed_at = @now, updated_at = @now WHERE id = @id AND removed_at IS NULL", new { id, now }, tx) == 1;
    }

    public static bool Restore(IDbConnection c, IDbTransaction tx, long id, DateTimeOffset now) =>
        c.Execute("""
            UPDATE organisers SET removed_at = NULL, failed_logins = 0, locked_until = NULL, updated_at = @now
            WHERE id = @id AND removed_at IS NOT NULL AND password_hash IS NOT NULL
            """, new { id, now }, tx) == 1;

    /// <summary>
    /// A successful sign-in (storing <paramref name="rehashed"/> when the hasher asked for it); false when the access was
    /// removed, or the password changed, while <paramref name="checkedHash"/> was being checked.
    /// </summary>
    public static bool RecordSignIn(IDbConnection c, IDbTransaction tx, long id, string checkedHash, string? rehashed, DateTimeOffset now) =>
        c.Execute("""
            UPDATE organisers SET password_hash = COALESCE(@rehashed, password_hash), updated_at = @now
            WHERE id = @id AND removed_at IS NULL AND password_hash = @checkedHash
            """, new { id, checkedHash, rehashed, now }, tx) == 1;

    /// <summary>A password chosen from an invitation or setup link; any lockout ends with it.</summary>
    public static void SetPassword(IDbConnection c, IDbTransaction tx, long id, string passwordHash, DateTimeOffset now) =>
        c.Execute("UPDATE organisers SET password_hash = @passwordHash, failed_logins = 0, locked_until = NULL, updated_at = @now WHERE id = @id",
            new { passwordHash, now, id }, tx);

    public static long AdminCount(IDbConnection c, IDbTransaction? tx = null) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM organisers WHERE role = 'admin' AND password_hash IS NOT NULL", transaction: tx);

}
