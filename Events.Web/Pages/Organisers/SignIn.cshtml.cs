using Events.Api.Organisers;
using Events.Api.Security;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Organisers;

/// <summary>Organiser sign-in: rate-limited, lockout after repeated failures, same message for unknown address and wrong password.</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class SignInModel(OrganiserAccounts accounts, UiText t) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        var outcome = await accounts.SignInAsync(Email, Password, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome is SignInOutcome.Success(var organiser) && await OrganiserAuth.SignInAsync(HttpContext, organiser))
            return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/organisers");
        Error = outcome is SignInOutcome.TooManyFailures ? t["signin_locked"] : t["signin_failed"];
        Password = null;
        return Page();
    }
}
