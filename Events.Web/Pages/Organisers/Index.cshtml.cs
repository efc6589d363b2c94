using Events.Api.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>The organiser home: one tap to each tool the role allows.</summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class IndexModel : PageModel
{
    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public void OnGet() { }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await OrganiserAuth.SignOutAsync(HttpContext);
        return Redirect("/organisers/signin");
    }
}
