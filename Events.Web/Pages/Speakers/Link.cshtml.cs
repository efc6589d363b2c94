using Events.Api.Agenda;
using Events.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Speakers;

/// <summary>
/// A sign-in link. Opening it (GET) only shows a button, because mail scanners open links; the button's POST uses the
/// link up and signs the speaker in.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class LinkModel(SpeakerAccess access) : PageModel
{
    public bool Usable { get; private set; }

    public void OnGet(string token)
    {
        Usable = access.IsUsable(token);
        if (!Usable) Response.StatusCode = StatusCodes.Status410Gone;
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (await access.RedeemAsync(token, ct) is not { } speaker)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        await SpeakerAuth.SignInAsync(HttpContext, speaker);
        return Redirect("/speakers");
    }
}
