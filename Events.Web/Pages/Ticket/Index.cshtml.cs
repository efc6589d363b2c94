using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Tickets;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Ticket;

/// <summary>
/// The web ticket, opened from the e-mail's link without signing in: the QR as inline SVG, the code as text, the
/// holder and the event. A replaced or cancelled code shows "not found". Never cached, never indexed.
/// </summary>
public sealed class IndexModel(TicketService tickets, UiText ui) : PageModel
{
    public Registration Registration { get; private set; } = null!;
    public EventInfo Event { get; private set; } = null!;
    public string QrSvg { get; private set; } = "";
    public string GroupedCode { get; private set; } = "";

    public IActionResult OnGet(string code)
    {
        if (SecretCode.Normalise(code) is not { } c || tickets.Find(c) is not { } found) return NotFound();
        (Registration, Event) = found;
        ui.PreferIfNotChosen(Registration.Language);
        // The code of the address, which found the ticket by its hash: the database has no other copy to read here.
        QrSvg = TicketQr.Svg(c, ui.Format("ticket_qr_label", Registration.FullName));
        GroupedCode = SecretCode.Grouped(c);
        ViewData["EventTitle"] = Event.Title;
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
