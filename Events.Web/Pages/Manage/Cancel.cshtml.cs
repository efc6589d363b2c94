using Events.Api.Registration;
using Events.Api.Security;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Manage;

/// <summary>The confirmation step before cancelling: a page of its own, with a box to tick.</summary>
[EnableRateLimiting(RateLimits.PublicPost)]
public sealed class CancelModel(RegistrationService registrations, UiText t) : PageModel
{
    public RegistrationView View { get; private set; } = null!;
    /// <summary>The code of this page's address.</summary>
    public string ManageCode { get; private set; } = "";
    public string? Error { get; private set; }

    public IActionResult OnGet(string code)
    {
        if (SecretCode.Normalise(code) is not { } c || registrations.Find(c) is not { } view) return NotFound();
        t.PreferIfNotChosen(view.Registration.Language);
        View = view;
        ManageCode = c;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, bool confirm, CancellationToken ct)
    {
        if (SecretCode.Normalise(code) is not { } c || registrations.Find(c) is not { } view) return NotFound();
        if (!confirm)
        {
            t.PreferIfNotChosen(view.Registration.Language);
            View = view;
            ManageCode = c;
            Error = t["cancel_confirm_required"];
            return Page();
        }
        await registrations.CancelAsync(c, ct);
        return Redirect($"/manage/{c}");
    }
}
