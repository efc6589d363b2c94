using Events.Api.Messages;
using Events.Api.Organisers;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Message;

/// <summary>
/// Admins write to attendees (practical details, a change of room…) through the outbox, in steps: the form (audience,
/// subject, text) shows a preview, greeting included, as each person reads it, and how many people it goes to; from
/// there a test goes to the organiser's own address, and only "Send" queues it for everyone.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class IndexModel(Announcements announcements, UiText t) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Audience { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    /// <summary>Set once the message is valid: the page shows the preview and the "send" step, for this many people.</summary>
    public long? Recipients { get; private set; }
    /// <summary>Where the test went, once sent.</summary>
    public string? TestSentTo { get; private set; }
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public string ChosenAudience => Api.Messages.Audience.OrDefault(Audience);
    public Announcement Message => new(Subject ?? "", Body ?? "");

    public void OnGet() { }

    /// <summary>The form: checked, then shown as a preview with the test and send buttons.</summary>
    public IActionResult OnPost() => Preview();

    /// <summary>The preview's test button: the message to the organiser alone, then the preview again.</summary>
    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        if (Check() is not { } message) return Page();
        TestSentTo = await announcements.SendTestAsync(message, User.OrganiserId()!.Value, t.Lang, ct);
        return Preview();
    }

    /// <summary>The preview's send button. Without its confirmation (an old form, a replayed post) it only shows the preview.</summary>
    public async Task<IActionResult> OnPostSendAsync(bool confirmed, CancellationToken ct)
    {
        if (!confirmed || Check() is not { } message) return Preview();
        var (_, recipients) = await announcements.QueueAsync(message, ChosenAudience, User.OrganiserId()!.Value, ct);
        return Redirect($"/organisers/message/history?queued={recipients}");
    }

    private IActionResult Preview()
    {
        if (Check() is not null) Recipients = announcements.CountRecipients(ChosenAudience);
        return Page();
    }

    private Announcement? Check()
    {
        var errors = Message.Validate();
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        return errors.Count == 0 ? Message : null;
    }
}
