using Events.Api.Mail;
using Events.Api.Messages;
using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Message;

/// <summary>The messages sent to attendees, latest first: when, by whom, to whom, and where their e-mails stand.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class HistoryModel(Announcements announcements, Editions editions) : PageModel
{
    public const int PageSize = 50;
    public IReadOnlyList<(SentMessage Message, BatchCounts Counts)> Messages { get; private set; } = [];
    public long Total { get; private set; }
    public int PageNumber { get; private set; }
    public int? Queued { get; private set; }
    public EventInfo Event { get; private set; } = null!;

    public void OnGet(int? queued, int page = 1)
    {
        (Queued, PageNumber, Event) = (queued, Math.Max(1, page), editions.Current());
        (Messages, Total) = announcements.History(PageNumber, PageSize);
    }
}
