using Events.Api.Registration;
using Events.Api.Security;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Manage;

/// <summary>The personal management page: status, change details, links to the ticket and to cancelling.</summary>
[EnableRateLimiting(RateLimits.PublicPost)]
public sealed class IndexModel(RegistrationService registrations, UiText t) : PageModel
{
    public RegistrationView View { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = [];
    public bool Saved { get; private set; }

    [BindProperty] public Form Input { get; set; } = new();

    public IActionResult OnGet(string code, bool saved = false)
    {
        if (Find(code) is not { } view) return NotFound();
        View = view;
        Saved = saved;
        Input = Form.From(view.Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (SecretCode.Normalise(code) is not { } c) return NotFound();
        var (view, errors) = await registrations.ChangeAsync(c, Input.ToChange(), ct);
        if (view is null) return NotFound();
        if (errors.Count == 0) return Redirect($"/manage/{c}?saved=true");
        foreach (var (field, keys) in errors) Errors[field] = t[keys[0]];
        View = view;
        return Page();
    }

    private RegistrationView? Find(string code) => SecretCode.Normalise(code) is { } c ? registrations.Find(c) : null;

    public sealed class Form
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Organisation { get; set; }
        public string? AccessibilityNeeds { get; set; }
        public string? Language { get; set; }

        // An emptied optional field is sent as "" and clears it; null would mean "unchanged".
        public RegistrationChange ToChange() => new(FirstName ?? "", LastName ?? "", Organisation ?? "", AccessibilityNeeds ?? "", Language);

        public static Form From(Registration r) => new()
        {
            FirstName = r.FirstName, LastName = r.LastName, Organisation = r.Organisation,
            AccessibilityNeeds = r.AccessibilityNeeds, Language = r.Language,
        };
    }
}
