using System.Data;
using Dapper;
using Events.Api.Security;

namespace Events.Api.Organisers;

/// <summary>
/// Single-use, expiring links for organisers (the invitation, the first-admin setup). The token is 140 random bits
/// from <see cref="SecretCode"/>; only its SHA-256 is stored, so a copy of the database opens no account.
/// </summary>
public static class OrganiserTokenStore
{
    public const string Invitation = "invitation";
    public const string Setup = "setup";
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan SetupLifetime = TimeSpan.FromHours(24);

    public static string Create(IDbConnection c, IDbTransaction tx, string purpose, long? organiserId, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = SecretCode.New();
        c.Execute("""
            INSERT INTO organiser_tokens (token_hash, purpose, organiser_id, expires_at, created_at)
            VALUES (@hash, @purpose, @organiserId, @expiresAt, @now)
            """, new { hash = SecretCode.Hash(token), purpose, organiserId, expiresAt = now + lifetime, now }, tx);
        return token;
    }

    /// <summary>True when the token is live (right purpose, unused, not expired); the invited organiser's id in <paramref name="organiserId"/>.</summary>
    public static bool IsLive(IDbConnection c, string purpose, string? token, DateTimeOffset now, out long? organiserId, IDbTransaction? tx = null)
    {
        organiserId = null;
        if (SecretCode.Normalise(token) is not { } code) return false;
        var row = c.QuerySingleOrDefault<(long? OrganiserId, string ExpiresAt)?>("""
            SELECT organiser_id, expires_at FROM organiser_tokens WHERE token_hash = @hash AND purpose = @purpose AND used_at IS NULL
            """, new { hash = SecretCode.Hash(code), purpose }, tx);
        if (row is not { } live || DateTimeOffset.Parse(live.ExpiresAt, System.Globalization.CultureInfo.InvariantCulture) <= now) return false;
        organiserId = live.OrganiserId;
        return true;
    }

    /// <summary>Uses the token up: true only for the first caller.</summary>
    public static bool Redeem(IDbConnection c, IDbTransaction tx, string purpose, string token, DateTimeOffset now, out long? organiserId) =>
        IsLive(c, purpose, token, now, out organiserId, tx)
        && c.Execute("UPDATE organiser_tokens SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL",
            new { now, hash = SecretCode.Hash(SecretCode.Normalise(token)!) }, tx) == 1;

    /// <summary>A new setup link makes the older unused ones worthless.</summary>
    public static void RevokeUnused(IDbConnection c, IDbTransaction tx, string purpose, DateTimeOffset now) =>
        c.Execute("UPDATE organiser_tokens SET used_at = @now WHERE purpose = @purpose AND used_at IS NULL", new { now, purpose }, tx);
}
