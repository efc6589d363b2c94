using Events.Api.Mail;
using Events.Api.Messages;
using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Message;

/// <summary>One message sent to attendees, as it was written: its words, audience, author, and where its e-mails stand.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class SentModel(Announcements announcements, Editions editions) : PageModel
{
    public SentMessage Message { get; private set; } = null!;
    public Announcement Words { get; private set; } = null!;
    public BatchCounts Counts { get; private set; } = null!;
    public EventInfo Event { get; private set; } = null!;

    public IActionResult OnGet(long id)
    {
        if (announcements.Find(id) is not { } found) return NotFound();
        (Message, Words, Counts, Event) = (found.Message, found.Words, found.Counts, editions.Current());
        return Page();
    }
}
