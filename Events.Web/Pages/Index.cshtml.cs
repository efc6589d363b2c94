using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages;

/// <summary>The event page and its registration form.</summary>
[EnableRateLimiting(Api.Security.RateLimits.PublicPost)]
public sealed class IndexModel(Editions events, RegistrationService registrations, TimeProvider clock, UiText t) : PageModel
{
    public EventInfo Event { get; private set; } = null!;
    public bool Open { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>The address was registered already: not a mistake to correct, so a notice rather than an error (its links went to it by e-mail).</summary>
    public bool Duplicate { get; private set; }

    [BindProperty] public Form Input { get; set; } = new();

    public void OnGet()
    {
        Load();
        Input.Language = t.Lang;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await registrations.RegisterAsync(Input.ToInput(), ct);
        switch (outcome)
        {
            case RegisterOutcome.Created(_, _, var codes):
                return Redirect($"/registered/{codes.Manage}");
            case RegisterOutcome.Invalid(var errors):
                foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
                break;
            case RegisterOutcome.Duplicate:
                Duplicate = true;
                break;
        }
        Load();
        return Page();
    }

    private void Load()
    {
        Event = events.Current();
        Open = Event.IsOpenAt(clock.GetUtcNow());
        ViewData["EventTitle"] = Event.Title;
    }

    public sealed class Form
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Email { get; set; }
        public string? Organisation { get; set; }
        public string? AccessibilityNeeds { get; set; }
        public string? Language { get; set; }
        public bool Consent { get; set; }

        public RegistrationInput ToInput() => new(FirstName, LastName, Email, Organisation, AccessibilityNeeds, Language, Consent);
    }
}
