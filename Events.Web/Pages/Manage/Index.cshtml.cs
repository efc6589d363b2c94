using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Tickets;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Events.Web.Pages.Manage;

/// <summary>The personal management page: status, change details, links to the ticket and to cancelling.</summary>
[EnableRateLimiting(RateLimits.PublicPost)]
public sealed class IndexModel(RegistrationService registrations, TicketService tickets, UiText t) : PageModel
{
    public RegistrationView View { get; private set; } = null!;
    /// <summary>The code of this page's address; the ticket's comes from the registration's sealed copy.</summary>
    public string ManageCode { get; private set; } = "";
    public Dictionary<string, string> Errors { get; } = [];
    public bool Saved { get; private set; }
    /// <summary>The outcome of "send my ticket again" or "replace my ticket code", as a message key.</summary>
    public string? TicketNotice { get; private set; }
    /// <summary>"Replace my ticket code" was asked for: the page shows the confirmation step.</summary>
    public bool ConfirmReplace { get; private set; }

    [BindProperty] public Form Input { get; set; } = new();

    public IActionResult OnGet(string code, bool saved = false, string? ticket = null, string? confirm = null)
    {
        if (Find(code) is not { } view) return NotFound();
        t.PreferIfNotChosen(view.Registration.Language);
        View = view;
        ManageCode = SecretCode.Normalise(code)!;
        Saved = saved;
        TicketNotice = ticket is "resent" or "replaced" or "too_soon" ? "ticket_" + ticket : null;
        ConfirmReplace = confirm == "replace" && view.Registration.Status == "confirmed";
        Input = Form.From(view.Registration);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (SecretCode.Normalise(code) is not { } c) return NotFound();
        var (view, errors) = await registrations.ChangeAsync(c, Input.ToChange(), ct);
        if (view is null) return NotFound();
        if (errors.Count == 0) return Redirect($"/manage/{c}?saved=true");
        t.PreferIfNotChosen(view.Registration.Language);
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        View = view;
        ManageCode = c;
        return Page();
    }

    /// <summary>"Send my ticket again": queues the ticket e-mail (at most once a minute per registration).</summary>
    public Task<IActionResult> OnPostResendAsync(string code, CancellationToken ct) =>
        TicketAction(code, c => tickets.ResendAsync(c, ct), "resent");

    /// <summary>
    /// "Replace my ticket code", once confirmed: the old code stops working, the new ticket is e-mailed. Unconfirmed
    /// (an old form, a replayed post), it only shows the confirmation step.
    /// </summary>
    public async Task<IActionResult> OnPostReplaceAsync(string code, bool confirmed, CancellationToken ct)
    {
        if (!confirmed) return SecretCode.Normalise(code) is { } c ? Redirect($"/manage/{c}?confirm=replace#replace") : NotFound();
        return await TicketAction(code, c => tickets.ReplaceCodeAsync(c, ct), "replaced");
    }

    private async Task<IActionResult> TicketAction(string code, Func<string, Task<TicketRequest>> action, string done)
    {
        if (SecretCode.Normalise(code) is not { } c) return NotFound();
        return await action(c) switch
        {
            TicketRequest.NotFound => NotFound(),
            TicketRequest.Queued => Redirect($"/manage/{c}?ticket={done}"),
            TicketRequest.TooSoon => Redirect($"/manage/{c}?ticket=too_soon"),
            _ => Redirect($"/manage/{c}"),
        };
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
