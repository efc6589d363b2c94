using System.Net.Mail;
using System.Text.Json;
using Dapper;
using Events.Api.Configuration;
using Events.Api.Mail;
using Events.Api.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Events.Api.Organisers;

/// <summary>
/// How organisers get their accounts: admins invite by e-mail (a link to choose a password); without a configured
/// first admin, a one-time setup link is printed in the log at start-up.
/// </summary>
public sealed class OrganiserInvitations(Db db, OutboxSecrets secrets, TimeProvider clock, IOptions<EventsOptions> options, ILogger<OrganiserInvitations> log)
{
    /// <summary>The outbox kind of the invitation e-mail; its JSON payload has <c>email</c>, <c>name</c>, <c>role</c>, <c>link</c>.</summary>
    public const string MailKindInvitation = "organiser_invitation";

    /// <summary>At start-up, when no admin exists: a fresh setup link in the log (older ones stop working). Null when not needed.</summary>
    public string? PrintSetupLinkIfNoAdmin()
    {
        var now = clock.GetUtcNow();
        var token = db.WriteAsync((c, tx) =>
        {
            if (OrganiserStore.AdminCount(c, tx) > 0) return null;
            OrganiserTokenStore.RevokeUnused(c, tx, OrganiserTokenStore.Setup, now);
            return OrganiserTokenStore.Create(c, tx, OrganiserTokenStore.Setup, null, now, OrganiserTokenStore.SetupLifetime);
        }).GetAwaiter().GetResult();
        if (token is null) return null;
        var link = options.Value.Link($"/organisers/setup/{token}");
        log.LogWarning("No admin account yet. Create the first one within 24 hours at {SetupLink}", link);
        return link;
    }

    public bool IsLive(string purpose, string? token)
    {
        using var c = db.OpenRead();
        return OrganiserTokenStore.IsLive(c, purpose, token, clock.GetUtcNow(), out _);
    }

    /// <summary>Creates the first admin through the setup link; field errors are message keys.</summary>
    public async Task<(Organiser? Admin, Dictionary<string, string> Errors)> CompleteSetupAsync(
        string? token, string? email, string? name, string? password, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        CheckEmail(errors, email);
        CheckPassword(errors, password);
        if (errors.Count > 0) return (null, errors);
        var now = clock.GetUtcNow();
        var hash = OrganiserAccounts.HashPassword(password!);
        var admin = await db.WriteAsync((c, tx) =>
        {
            if (token is null || OrganiserStore.AdminCount(c, tx) > 0 || !OrganiserTokenStore.Redeem(c, tx, OrganiserTokenStore.Setup, token, now, out _)) return null;
            var id = OrganiserStore.Insert(c, tx, email!, Clean(name), Roles.Admin, hash, now);
            return OrganiserStore.ById(c, id, tx);
        }, ct);
        if (admin is null) errors["token"] = "link_expired";
        else log.LogInformation("First admin {OrganiserId} created through the setup link", admin.Id);
        return (admin, errors);
    }

    /// <summary>An admin invites an organiser: the account waits for a password; the e-mail goes through the outbox.</summary>
    public async Task<Dictionary<string, string>> InviteAsync(string? email, string? name, string? role, long invitedBy, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        CheckEmail(errors, email);
        if (!Roles.IsKnown(role)) errors["role"] = "required";
        if (errors.Count > 0) return errors;
        var now = clock.GetUtcNow();
        var invited = await db.WriteAsync((c, tx) =>
        {
            if (OrganiserStore.ByEmail(c, email!, tx) is not null) return false;
            var id = OrganiserStore.Insert(c, tx, email!, Clean(name), role!, null, now);
            var token = OrganiserTokenStore.Create(c, tx, OrganiserTokenStore.Invitation, id, now, OrganiserTokenStore.InvitationLifetime);
            var payload = JsonSerializer.Serialize(new
            {
                email = email!.Trim(), name = Clean(name), role, link = options.Value.Link($"/organisers/invitation/{token}"), expiresAt = now + OrganiserTokenStore.InvitationLifetime,
            });
            Outbox.Enqueue(c, tx, MailKindInvitation, registrationId: null, now, secrets.Seal(payload));
            return true;
        }, ct);
        if (!invited) errors["email"] = "organiser_exists";
        else log.LogInformation("Organiser invited as {Role} by {OrganiserId}", role, invitedBy);
        return errors;
    }

    /// <summary>The invited organiser chooses a password; the link then stops working.</summary>
    public async Task<(Organiser? Organiser, Dictionary<string, string> Errors)> AcceptAsync(string? token, string? password, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        CheckPassword(errors, password);
        if (errors.Count > 0) return (null, errors);
        var now = clock.GetUtcNow();
        var hash = OrganiserAccounts.HashPassword(password!);
        var organiser = await db.WriteAsync((c, tx) =>
        {
            if (token is null || !OrganiserTokenStore.Redeem(c, tx, OrganiserTokenStore.Invitation, token, now, out var id) || id is null) return null;
            OrganiserStore.SetPassword(c, tx, id.Value, hash, now);
            return OrganiserStore.ById(c, id.Value, tx);
        }, ct);
        if (organiser is null) errors["token"] = "link_expired";
        return (organiser, errors);
    }

    public Organiser? Find(long id)
    {
        using var c = db.OpenRead();
        return OrganiserStore.ById(c, id);
    }

    public IReadOnlyList<Organiser> All()
    {
        using var c = db.OpenRead();
        return OrganiserStore.All(c).ToList();
    }

    private static void CheckEmail(Dictionary<string, string> errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) errors["email"] = "required";
        else if (email.Trim().Length > 254 || !MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim())
            errors["email"] = "invalid_email";
    }

    private static void CheckPassword(Dictionary<string, string> errors, string? password)
    {
        if (string.IsNullOrEmpty(password)) errors["password"] = "required";
        else if (password.Length < OrganiserAccounts.MinPasswordLength) errors["password"] = "password_too_short";
        else if (password.Length > 1024) errors["password"] = "too_long";
    }

    private static string Clean(string? name) => (name ?? "").Trim() is { Length: > 0 and <= 100 } n ? n : "";
}
