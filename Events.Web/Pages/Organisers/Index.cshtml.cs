using Events.Api.Attendees;
using Events.Api.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// The organiser home: the figures that matter (confirmed against capacity, waiting, arrived), then one tap to each
/// tool the role allows, grouped by the stage of the event it serves. Its sign-out handler is the menu's, on every page.
/// </summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class IndexModel(AttendeeList attendees) : PageModel
{
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    public AttendeeList.Summary Figures { get; private set; } = null!;

    public void OnGet() => Figures = attendees.Figures();

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await OrganiserAuth.SignOutAsync(HttpContext);
        return Redirect("/organisers/signin");
    }
}
