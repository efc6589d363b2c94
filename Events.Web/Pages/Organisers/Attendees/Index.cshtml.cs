using Events.Api.Attendees;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Attendees;

/// <summary>
/// Every registration of the current event: counts by status, a filter by status, a search, a sort (by a column's
/// header, either way round), 50 a page, and the
/// CSV export of what is shown. Door staff read it (to find someone); only admins export.
/// </summary>
/// <remarks>
/// Personal data stays out of addresses: <c>status</c>, <c>sort</c> and <c>page</c> are query-string parameters (a
/// filtered page can be bookmarked), but the search <c>q</c>, which is a name or an address, only ever travels in a
/// POST body. A search is posted and its results rendered in the answer (no redirect, whose Location would carry it);
/// while a search is on, the page's links (paging, status counts) become small forms that post it again in a hidden
/// field. A GET never reads <c>q</c>, so a search cannot end up in an access log even by hand.
/// </remarks>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class IndexModel(AttendeeList attendees, ActivityLog activity, Editions editions, UiText t, TimeProvider clock) : PageModel
{
    public const string Path = "/organisers/attendees";

    public AttendeeList.ListPage List { get; private set; } = null!;
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    private TimeZoneInfo? _zone;
    public TimeZoneInfo Zone => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(editions.Current().TimeZone);

    // "page" is also Razor Pages' own route value (the page's name), so the parameter says where its number comes from.
    public void OnGet(string? status, string? sort, string? dir, [FromQuery(Name = "page")] int? number) =>
        List = attendees.List(AttendeeQuery.From(status, null, sort, number, dir, namesOnly: !IsAdmin));

    /// <summary>The filter form. Without a search, back to the plain address of that filter, which can be bookmarked.</summary>
    public IActionResult OnPost(string? status, string? q, string? sort, string? dir, [FromForm(Name = "page")] int? number)
    {
        var query = AttendeeQuery.From(status, q, sort, number, dir, namesOnly: !IsAdmin);
        if (query.Q is null) return Redirect(Address(query));
        List = attendees.List(query);
        return Page();
    }

    /// <summary>The registrations the list shows, every page of them, as CSV (the dashboard's format); recorded in the log.</summary>
    public async Task<IActionResult> OnPostExportAsync(string? status, string? q, string? sort, string? dir, CancellationToken ct)
    {
        if (!IsAdmin) return StatusCode(StatusCodes.Status403Forbidden);
        var query = AttendeeQuery.From(status, q, sort, 1, dir);
        var (rows, positions) = attendees.Matching(query);
        // The log says which filter and how many rows, and whether a search narrowed them, never what was searched.
        var detail = $"status={query.Status ?? "all"}, sort={(positions is null ? query.Sort + (query.Descending ? " desc" : "") : "queue")}, search={(query.Q is null ? "no" : "yes")}, rows={rows.Count}";
        await activity.RecordAsync(User.OrganiserId()!.Value, ActivityActions.AttendeesExported, null, detail, ct);
        Response.Headers.CacheControl = "no-store";
        return File(AttendeeExport.Csv(rows, t.Texts, Zone, positions), AttendeeExport.ContentType, AttendeeExport.FileName(query, t.Texts, clock.GetUtcNow(), Zone));
    }

    /// <summary>The address of a filter, sort (and its direction) and page: never the search.</summary>
    public static string Address(AttendeeQuery query)
    {
        var parts = new List<string>();
        if (query.Status is { } s) parts.Add("status=" + s);
        if (query.Sort != "name") parts.Add("sort=" + query.Sort);
        if (query.Descending) parts.Add("dir=desc");
        if (query.Page > 1) parts.Add("page=" + query.Page);
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);
    }
}
