using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>The activity log: every organiser action, newest first (<c>order=oldest</c>: oldest first), 50 a page, times in the event's zone.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class ActivityModel(ActivityLog log, Editions editions) : PageModel
{
    public IReadOnlyList<ActivityEntry> Entries { get; private set; } = [];
    public int Current { get; private set; } = 1;
    public int Pages { get; private set; } = 1;
    public EventInfo Event { get; private set; } = null!;
    public bool OldestFirst { get; private set; }

    /// <param name="order"><c>oldest</c> for the oldest first (the "When" header's link).</param>
    /// <param name="number">The page, from 1 (named so because "page" is Razor Pages' own route value).</param>
    public void OnGet(string? order, [FromQuery(Name = "page")] int? number)
    {
        Current = number is > 0 and < 1_000_000 ? number.Value : 1;
        OldestFirst = order == "oldest";
        var (entries, total) = log.Page(Current, OldestFirst);
        (Entries, Pages) = (entries, (int)Math.Max(1, (total + ActivityLog.PageSize - 1) / ActivityLog.PageSize));
        Event = editions.Current();
    }

    /// <summary>The address of a page in this order, or in the other order from its first page.</summary>
    public string Address(int page, bool oldestFirst)
    {
        var parts = new List<string>();
        if (oldestFirst) parts.Add("order=oldest");
        if (page > 1) parts.Add("page=" + page);
        return parts.Count == 0 ? "/organisers/activity" : "/organisers/activity?" + string.Join('&', parts);
    }
}
