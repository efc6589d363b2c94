using Events.Api.Registration;
using Events.Api.Security;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages;

/// <summary>
/// The page after registering answers the next questions: what, when, where, where is my ticket, how do I change
/// it, and (when waiting) in which position. Its address holds the management code: never cached, never indexed.
/// </summary>
public sealed class RegisteredModel(RegistrationService registrations, Editions editions, UiText t) : PageModel
{
    public RegistrationView View { get; private set; } = null!;
    public EventInfo Event { get; private set; } = null!;
    /// <summary>The code of this page's address; the ticket's comes from the registration's sealed copy.</summary>
    public string ManageCode { get; private set; } = "";

    public IActionResult OnGet(string code)
    {
        if (SecretCode.Normalise(code) is not { } c || registrations.Find(c) is not { } view) return NotFound();
        View = view;
        ManageCode = c;
        Event = editions.ById(view.Registration.EventId);
        t.PreferIfNotChosen(view.Registration.Language);
        ViewData["EventTitle"] = Event.Title;
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
