using Events.Api.Attendees;
using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Attendees;

/// <summary>
/// The attendee list to tick at the door, printed from the browser (print CSS, no PDF engine): confirmed attendees by
/// last name, a box per line, the header row on every page and page numbers in the margin. Admins only: it lists names.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class PrintModel(Printouts printouts, Editions editions) : PageModel
{
    public IReadOnlyList<PrintedAttendee> People { get; private set; } = [];
    public string EventTitle { get; private set; } = "";
    public DateTimeOffset StartsAt { get; private set; }

    public void OnGet()
    {
        var ev = editions.Current();
        (EventTitle, StartsAt) = (ev.Title, ev.Local(ev.StartsAt));
        People = printouts.Confirmed();
        Response.Headers.CacheControl = "no-store";
    }
}
