using Events.Api.Configuration;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Tickets;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Events.Web.Pages;

/// <summary>
/// "Add to my calendar" from the confirmation page: the same <c>.ics</c> as the ticket e-mail's attachment (same UID,
/// so adding it twice updates one entry), for a confirmed registration only.
/// </summary>
public sealed class RegisteredCalendarModel(RegistrationService registrations, Editions editions, IOptions<EventsOptions> options, UiText t) : PageModel
{
    public IActionResult OnGet(string code)
    {
        if (SecretCode.Normalise(code) is not { } c || registrations.Find(c) is not { Registration.Status: "confirmed", Codes: { } codes } view) return NotFound();
        var r = view.Registration;
        t.PreferIfNotChosen(r.Language);
        var calendar = TicketCalendar.Build(editions.ById(r.EventId), c, options.Value.Link($"/ticket/{codes.Ticket}"), sequence: 0);
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", t["mail_calendar_file"]);
    }
}
