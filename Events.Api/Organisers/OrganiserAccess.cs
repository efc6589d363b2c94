using System.Security.Claims;
using Events.Api.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Events.Api.Organisers;

/// <summary>
/// Who may act as an organiser right now, checked on every signed-in request. A sign-in cookie stays valid for 12
/// hours on its own; with this check, taking someone's access away (a lost phone, a volunteer who left) ends their
/// sessions at once, and their cookie must also carry a live server-side session (<see cref="OrganiserSessions"/>).
/// The roles are kept in memory: a dictionary lookup per request, reloaded after a change.
/// </summary>
public sealed class OrganiserAccess(Db db, OrganiserSessions sessions, TimeProvider clock, ILogger<OrganiserAccess> log)
{
    private readonly Lock _gate = new();
    private Dictionary<long, string>? _roles;
    private int _version;

    /// <summary>True when organiser <paramref name="id"/> still has access, with that <paramref name="role"/>.</summary>
    public bool Allows(long id, string? role)
    {
        var roles = Volatile.Read(ref _roles) ?? Load();
        // Someone who became an organiser after the last load (an accepted invitation) is found by loading again.
        if (!roles.ContainsKey(id)) roles = Load();
        return roles.TryGetValue(id, out var current) && current == role;
    }

    /// <summary>Takes access away, or withdraws an invitation never accepted. Admins cannot remove themselves, so one admin always remains.</summary>
    public async Task<bool> RemoveAsync(long id, long removedBy, CancellationToken ct = default)
    {
        if (id == removedBy) return false;
        var now = clock.GetUtcNow();
        var removed = await db.WriteAsync((c, tx) =>
        {
            // Sessions end with the access (not merely refused while it is away): Restore access revives none of them.
            OrganiserSessionStore.EndAllOf(c, tx, id, now);
            return OrganiserStore.Remove(c, tx, id, now);
        }, ct);
        sessions.EndedAllOf(id);
        Forget();
        if (removed) log.LogInformation("Organiser {OrganiserId} access removed by {AdminId}", id, removedBy);
        return removed;
    }

    public async Task<bool> RestoreAsync(long id, long restoredBy, CancellationToken ct = default)
    {
        var restored = await db.WriteAsync((c, tx) => OrganiserStore.Restore(c, tx, id, clock.GetUtcNow()), ct);
        Forget();
        if (restored) log.LogInformation("Organiser {OrganiserId} access restored by {AdminId}", id, restoredBy);
        return restored;
    }

    /// <summary>
    /// The cookie handler's check: a principal whose session ended (or that has none: a cookie from before sessions),
    /// or whose access was taken away, is signed out.
    /// </summary>
    public static Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<OrganiserAccess>().Admits(context.Principal)) return Task.CompletedTask;
        context.RejectPrincipal();
        return context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private bool Admits(ClaimsPrincipal? principal) =>
        principal?.OrganiserId() is { } id
        && sessions.IsLive(principal.FindFirstValue(OrganiserAuth.SessionClaim), id)
        && Allows(id, principal.FindFirstValue(OrganiserAuth.RoleClaim));

    private void Forget()
    {
        lock (_gate)
        {
            _version++;
            _roles = null;
        }
    }

    private Dictionary<long, string> Load()
    {
        var version = Volatile.Read(ref _version);
        Dictionary<long, string> roles;
        using (var c = db.OpenRead()) roles = OrganiserStore.ActiveRoles(c);
        // A load that started before a change must not put the old roles back.
        lock (_gate)
            if (_version == version) _roles = roles;
        return roles;
    }
}
