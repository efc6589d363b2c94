using Events.Api.Organisers;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>Admins see the organiser accounts and invite door staff or other admins by e-mail.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class StaffModel(OrganiserInvitations invitations, OrganiserAccess access, ActivityLog activity, UiText t) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; } = Roles.Door;
    public IReadOnlyList<Organiser> Organisers { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Invited { get; private set; }
    /// <summary>What the last remove or restore did, worded for the page.</summary>
    public string? Notice { get; private set; }
    public long Me => User.OrganiserId()!.Value;
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public void OnGet() => Organisers = invitations.All();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await invitations.InviteAsync(Email, Name, Role, User.OrganiserId()!.Value, ct);
        foreach (var (field, key) in errors) Errors[field] = t.FieldError(field, key);
        if (errors.Count == 0)
        {
            Invited = Email!.Trim();
            await activity.RecordAsync(User, ActivityActions.StaffInvited, detail: $"{Invited} ({Role})", ct: ct);
            (Email, Name, Role) = (null, null, Roles.Door);
        }
        Organisers = invitations.All();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        var who = invitations.Find(id);
        if (who is null) return NotFound();
        var removed = id != Me && await access.RemoveAsync(id, Me, ct);
        if (removed) await activity.RecordAsync(User, ActivityActions.StaffRemoved, detail: who.Email, ct: ct);
        Notice = id == Me ? t["cannot_remove_self"]
            : removed ? t.Format(who.PasswordHash is null ? "invitation_withdrawn_text" : "access_removed_text", who.Email)
            : null;
        Organisers = invitations.All();
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(long id, CancellationToken ct)
    {
        var who = invitations.Find(id);
        if (who is null) return NotFound();
        var restored = await access.RestoreAsync(id, Me, ct);
        if (restored) await activity.RecordAsync(User, ActivityActions.StaffRestored, detail: who.Email, ct: ct);
        Notice = restored ? t.Format("access_restored_text", who.Email) : null;
        Organisers = invitations.All();
        return Page();
    }
}
