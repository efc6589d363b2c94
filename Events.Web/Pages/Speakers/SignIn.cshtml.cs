using Events.Api.Agenda;
using Events.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Speakers;

/// <summary>A speaker asks for a new sign-in link; the answer is the same whether or not the address is known.</summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class SignInModel(SpeakerAccess access) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await access.RequestSignInLinkAsync(Email, ct);
        Sent = true;
        Email = null;
        return Page();
    }
}
