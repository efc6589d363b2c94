using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>Admins write to attendees (practical details, a change of room…) through the outbox.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class MessageModel(Announcements announcements, UiText t) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public bool IncludeWaitlist { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public int? Queued { get; private set; }
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public void OnGet(int? queued) => Queued = queued;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var message = new Announcement(Subject ?? "", Body ?? "");
        var errors = message.Validate();
        if (errors.Count == 0) return Redirect($"/organisers/message?queued={await announcements.QueueAsync(message, IncludeWaitlist, ct)}");
        foreach (var (field, keys) in errors) Errors[field] = t[keys[0]];
        return Page();
    }
}
