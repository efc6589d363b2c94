using Events.Api.Configuration;
using Events.Api.Registration;
using Events.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Events.Web.Pages;

/// <summary>The page after registering: confirmed or waiting list, and the personal management link.</summary>
public sealed class RegisteredModel(RegistrationService registrations, IOptions<EventsOptions> options) : PageModel
{
    public RegistrationView View { get; private set; } = null!;
    public string ManageUrl { get; private set; } = "";

    public IActionResult OnGet(string code)
    {
        if (SecretCode.Normalise(code) is not { } c || registrations.Find(c) is not { } view) return NotFound();
        View = view;
        ManageUrl = options.Value.Link($"/manage/{view.Registration.ManageCode}");
        return Page();
    }
}
