using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Admins write to attendees (practical details, a change of room…) through the outbox, in two steps: the form shows
/// a preview (greeting included, as each person reads it) and how many people it goes to; only then "Send" queues it.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class MessageModel(Announcements announcements, Editions editions, UiText t) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public bool IncludeWaitlist { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public int? Queued { get; private set; }
    /// <summary>Set once the message is valid: the page shows the preview and the "send" step, for this many people.</summary>
    public long? Recipients { get; private set; }
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public IEnumerable<string> Paragraphs => (Body ?? "").Trim().Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every e-mail already opens with "Bonjour Élodie,": a message that greets again would say it twice.</summary>
    public bool RepeatsGreeting => (Body ?? "").TrimStart() is var b && (b.StartsWith("Bonjour", StringComparison.OrdinalIgnoreCase)
        || b.StartsWith("Hello", StringComparison.OrdinalIgnoreCase) || b.StartsWith("Dear", StringComparison.OrdinalIgnoreCase));

    public void OnGet(int? queued) => Queued = queued;

    /// <summary>The form: checked, then shown as a preview with the send button.</summary>
    public IActionResult OnPost()
    {
        if (Check() is not null) Recipients = CountRecipients();
        return Page();
    }

    /// <summary>The preview's button. Without its confirmation (an old form, a replayed post) it only shows the preview.</summary>
    public async Task<IActionResult> OnPostSendAsync(bool confirmed, CancellationToken ct)
    {
        if (Check() is not { } message) return Page();
        if (!confirmed)
        {
            Recipients = CountRecipients();
            return Page();
        }
        return Redirect($"/organisers/message?queued={await announcements.QueueAsync(message, IncludeWaitlist, ct)}");
    }

    private Announcement? Check()
    {
        var message = new Announcement(Subject ?? "", Body ?? "");
        var errors = message.Validate();
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        return errors.Count == 0 ? message : null;
    }

    private long CountRecipients()
    {
        var e = editions.Current();
        return e.Confirmed + (IncludeWaitlist ? e.Waitlisted : 0);
    }
}
