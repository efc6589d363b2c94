using Events.Api.Organisers;
using Events.Api.Security;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Organisers;

/// <summary>The link of an invitation e-mail: the invited organiser chooses a password and is signed in.</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class InvitationModel(OrganiserInvitations invitations, UiText t) : PageModel
{
    [BindProperty] public string? Password { get; set; }
    public bool Live { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(string token) => Live = invitations.IsLive(OrganiserTokenStore.Invitation, token);

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var (organiser, errors) = await invitations.AcceptAsync(token, Password, ct);
        if (organiser is not null)
        {
            // Access removed meanwhile: no cookie is set, and the organiser home sends them to the sign-in page.
            await OrganiserAuth.SignInAsync(HttpContext, organiser);
            return Redirect("/organisers");
        }
        Live = !errors.ContainsKey("token");
        Error = errors.TryGetValue("password", out var key) ? (key == "password_too_short" ? t.Format(key, OrganiserAccounts.MinPasswordLength) : t[key]) : null;
        Password = null;
        return Page();
    }
}
