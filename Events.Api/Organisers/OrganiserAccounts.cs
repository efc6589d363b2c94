using Dapper;
using Events.Api.Configuration;
using Events.Api.Security;
using Events.Api.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Events.Api.Organisers;

/// <summary>Organiser accounts: passwords hashed with ASP.NET Core's PasswordHasher, guesses slowed per address (<see cref="SignInThrottle"/>).</summary>
public sealed class OrganiserAccounts(Db db, SignInThrottle throttle, TimeProvider clock, ILogger<OrganiserAccounts> log)
{
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<Organiser> Hasher = new();

    /// <summary>An organiser's account (removed ones included), or null.</summary>
    public Organiser? ById(long id)
    {
        using var c = db.OpenRead();
        return OrganiserStore.ById(c, id);
    }

    /// <summary>
    /// Checks a password. The hashing (about 0.1 s of CPU by design) runs outside the single writer: inside it, every
    /// sign-in held up the door's scans for that long. Only the short updates of the outcome are queued as writes.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string? email, string? password, string? clientAddress = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 254 || password.Length > 1024)
            return new SignInOutcome.Failed();
        var key = EmailAddress.Key(email);
        // Known or not, an address that guessed too often from here waits: the same answer and the same time either way.
        if (throttle.WaitUntil(key, clientAddress) is { } wait) return new SignInOutcome.TooManyFailures(wait);
        Organiser? organiser;
        using (var read = db.OpenRead()) organiser = OrganiserStore.ByEmail(read, email);
        if (organiser is not { PasswordHash: not null, RemovedAt: null })
        {
            Hasher.HashPassword(null!, password); // same work either way, so timing does not reveal unknown addresses
            return Failure(key, clientAddress);
        }

        var verdict = Hasher.VerifyHashedPassword(organiser, organiser.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed) return Failure(key, clientAddress);
        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(organiser, password) : null;
        // Refused if the access was removed or the password changed while it was being checked.
        var now = clock.GetUtcNow();
        var signedIn = await db.WriteAsync((c, tx) => OrganiserStore.RecordSignIn(c, tx, organiser.Id, organiser.PasswordHash, rehashed, now), ct);
        if (!signedIn) return new SignInOutcome.Failed();
        throttle.Succeeded(key, clientAddress);
        return new SignInOutcome.Success(organiser);
    }

    private SignInOutcome Failure(string key, string? clientAddress)
    {
        if (throttle.Failed(key, clientAddress) is not { } wait) return new SignInOutcome.Failed();
        log.LogWarning("Sign-ins slowed down for one account and address after {Failures} failures", SignInThrottle.FreeFailures);
        return new SignInOutcome.TooManyFailures(wait);
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
