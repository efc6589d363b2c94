using Events.Api.Organisers;
using Events.Api.Security;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Organisers;

/// <summary>The one-time setup link printed in the log when no admin exists: creates the first admin.</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class SetupModel(OrganiserInvitations invitations, UiText t) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Live { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public void OnGet(string token) => Live = invitations.IsLive(OrganiserTokenStore.Setup, token);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var (admin, errors) = await invitations.CompleteSetupAsync(token, Email, Name, Password, ct);
        if (admin is not null)
        {
            await OrganiserAuth.SignInAsync(HttpContext, admin);
            return Redirect("/organisers");
        }
        foreach (var (field, key) in errors) Errors[field] = key == "password_too_short" ? t.Format(key, OrganiserAccounts.MinPasswordLength) : t[key];
        Live = !Errors.ContainsKey("token");
        Password = null;
        return Page();
    }
}
