using Events.Api.Attendees;
using Events.Api.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// The accessibility needs declared by those confirmed or waiting, grouped and counted, for the venue team to prepare
/// (printable). Door staff see the needs and their counts; only admins see who declared them.
/// </summary>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class NeedsModel(Printouts printouts) : PageModel
{
    public IReadOnlyList<NeedGroup> Groups { get; private set; } = [];
    public bool ShowNames => User.IsInRole(Roles.Admin);

    public void OnGet()
    {
        Groups = printouts.Needs();
        Response.Headers.CacheControl = "no-store";
    }
}
