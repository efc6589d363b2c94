using Events.Api.Attendees;
using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Name badges for the confirmed attendees, printed from the browser on A4: 8 per sheet (2 × 4), each with the name,
/// the organisation and the event; with <c>qr=1</c>, the ticket's QR code too, so a badge can be scanned at the door.
/// Admins only: badges carry names and ticket codes.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class BadgesModel(Printouts printouts, Editions editions) : PageModel
{
    /// <summary>Badges on one A4 sheet: two columns of four, each about 9 × 6.5 cm.</summary>
    public const int PerSheet = 8;

    /// <summary>Whether the badges carry the ticket's QR code (<c>?qr=1</c>, the page's checkbox).</summary>
    public bool Qr { get; private set; }
    public IReadOnlyList<PrintedAttendee> People { get; private set; } = [];
    public string EventTitle { get; private set; } = "";

    public void OnGet(string? qr)
    {
        Qr = qr == "1";
        EventTitle = editions.Current().Title;
        People = printouts.Confirmed(ticketCodes: Qr);
        Response.Headers.CacheControl = "no-store";
    }
}
