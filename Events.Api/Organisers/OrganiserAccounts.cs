using Dapper;
using Events.Api.Configuration;
using Events.Api.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Events.Api.Organisers;

/// <summary>Organiser accounts: passwords hashed with ASP.NET Core's PasswordHasher, lockout after repeated failures.</summary>
public sealed class OrganiserAccounts(Db db, TimeProvider clock, ILogger<OrganiserAccounts> log)
{
    public const int MinPasswordLength = 12;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<Organiser> Hasher = new();

    public async Task<SignInOutcome> SignInAsync(string? email, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 1024)
            return new SignInOutcome.Failed();
        var now = clock.GetUtcNow();
        return await db.WriteAsync<SignInOutcome>((c, tx) =>
        {
            var organiser = OrganiserStore.ByEmail(c, email, tx);
            if (organiser?.PasswordHash is null)
            {
                Hasher.HashPassword(null!, password); // same work either way, so timing does not reveal unknown addresses
                return new SignInOutcome.Failed();
            }
            if (organiser.LockedUntil is { } until && until > now) return new SignInOutcome.LockedOut(until);

            var verdict = Hasher.VerifyHashedPassword(organiser, organiser.PasswordHash, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                var failures = organiser.FailedLogins + 1;
                DateTimeOffset? lockedUntil = failures >= FailuresBeforeLockout ? now + LockoutDuration : null;
                c.Execute("UPDATE organisers SET failed_logins = @failures, locked_until = @lockedUntil, updated_at = @now WHERE id = @id",
                    new { failures = lockedUntil is null ? failures : 0, lockedUntil, now, id = organiser.Id }, tx);
                if (lockedUntil is not null) log.LogWarning("Organiser {OrganiserId} locked out after {Failures} failed sign-ins", organiser.Id, failures);
                return lockedUntil is { } l ? new SignInOutcome.LockedOut(l) : new SignInOutcome.Failed();
            }
            var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(organiser, password) : organiser.PasswordHash;
            c.Execute("UPDATE organisers SET failed_logins = 0, locked_until = NULL, password_hash = @hash, updated_at = @now WHERE id = @id",
                new { hash, now, id = organiser.Id }, tx);
            return new SignInOutcome.Success(organiser);
        }, ct);
    }

    /// <summary>Creates an organiser with a password (the first admin from configuration, or tests).</summary>
    public async Task<long> CreateAsync(string email, string name, string role, string password, CancellationToken ct = default)
    {
        if (!Roles.IsKnown(role)) throw new ArgumentException($"Unknown role {role}", nameof(role));
        if (password.Length < MinPasswordLength) throw new ArgumentException($"Passwords have at least {MinPasswordLength} characters.", nameof(password));
        var hash = Hasher.HashPassword(null!, password);
        var now = clock.GetUtcNow();
        return await db.WriteAsync((c, tx) => OrganiserStore.Insert(c, tx, email, name, role, hash, now), ct);
    }

    /// <summary>At start-up: the first admin from <c>Events:Admin:*</c> when that address has no account yet.</summary>
    public void EnsureConfiguredAdmin(AdminOptions admin)
    {
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password)) return;
        if (admin.Password.Length < MinPasswordLength)
        {
            log.LogError("Events:Admin:Password is shorter than {Min} characters: no admin was created", MinPasswordLength);
            return;
        }
        using (var read = db.OpenRead())
            if (OrganiserStore.ByEmail(read, admin.Email) is not null) return; // the usual case: no hashing at each start
        var hash = Hasher.HashPassword(null!, admin.Password);
        var now = clock.GetUtcNow();
        // Checked and created in one transaction: two processes starting on one file cannot both create it.
        var created = db.WriteAsync((c, tx) =>
        {
            if (OrganiserStore.ByEmail(c, admin.Email, tx) is not null) return false;
            OrganiserStore.Insert(c, tx, admin.Email, "Admin", Roles.Admin, hash, now);
            return true;
        }).GetAwaiter().GetResult();
        if (created) log.LogInformation("Created the first admin account from configuration");
    }

    public static string HashPassword(string password) => Hasher.HashPassword(null!, password);
}
