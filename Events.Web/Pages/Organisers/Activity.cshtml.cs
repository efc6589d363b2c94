using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>The activity log: every organiser action, newest first, 50 a page, times in the event's zone.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class ActivityModel(ActivityLog log, Editions editions) : PageModel
{
    public IReadOnlyList<ActivityEntry> Entries { get; private set; } = [];
    public int Current { get; private set; } = 1;
    public int Pages { get; private set; } = 1;
    public EventInfo Event { get; private set; } = null!;

    /// <param name="number">The page, from 1 (named so because "page" is Razor Pages' own route value).</param>
    public void OnGet([FromQuery(Name = "page")] int? number)
    {
        Current = number is > 0 and < 1_000_000 ? number.Value : 1;
        var (entries, total) = log.Page(Current);
        (Entries, Pages) = (entries, (int)Math.Max(1, (total + ActivityLog.PageSize - 1) / ActivityLog.PageSize));
        Event = editions.Current();
    }
}
