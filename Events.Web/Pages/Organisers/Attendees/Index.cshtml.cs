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
/// POST body. The post keeps it on the server (<see cref="SavedSearches"/>) and redirects to a GET carrying its opaque
/// id (<c>search=</c>): Back after opening a person, reload and paging all work, as a GET does, and while a search is on
/// every link of the page carries the id. A GET never reads <c>q</c>, so a search cannot end up in an access log.
/// </remarks>
[Authorize(Policy = Roles.DoorPolicy)]
public sealed class IndexModel(AttendeeList attendees, ActivityLog activity, Editions editions, UiText t, TimeProvider clock, SavedSearches searches) : PageModel
{
    public const string Path = "/organisers/attendees";

    public AttendeeList.ListPage List { get; private set; } = null!;
    /// <summary>The id of the search shown (<see cref="SavedSearches"/>), carried by every link of the page.</summary>
    public string? SearchId { get; private set; }
    /// <summary>The address named a search that is no longer kept (30 minutes unused, or a restart): the page says so.</summary>
    public bool SearchExpired { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Admin);
    private TimeZoneInfo? _zone;
    public TimeZoneInfo Zone => _zone ??= TimeZoneInfo.FindSystemTimeZoneById(editions.Current().TimeZone);

    // "page" is also Razor Pages' own route value (the page's name), so the parameter says where its number comes from.
    public void OnGet(string? status, string? sort, string? dir, [FromQuery(Name = "page")] int? number, string? search)
    {
        var q = searches.Find(search, Me);
        (SearchId, SearchExpired) = q is null ? (null, search is not null) : (search, false);
        ViewData[nameof(SearchId)] = SearchId;
        List = attendees.List(AttendeeQuery.From(status, q, sort, number, dir, namesOnly: !IsAdmin));
    }

    /// <summary>
    /// The search form (here and on every attendee's page). The search is kept on the server and the answer redirects
    /// to a GET naming it by an opaque id, so Back, reload and paging work and the name typed never reaches an address.
    /// Without a search, to the plain address of that filter, which can be bookmarked.
    /// </summary>
    public IActionResult OnPost(string? status, string? q, string? sort, string? dir, [FromForm(Name = "page")] int? number)
    {
        var query = AttendeeQuery.From(status, q, sort, number, dir, namesOnly: !IsAdmin);
        return Redirect(Address(query, query.Q is { } text ? searches.Save(Me, text) : null));
    }

    private long Me => User.OrganiserId()!.Value;

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

    /// <summary>The address of a filter, sort (and its direction) and page, and of the kept search by its id: never the search itself.</summary>
    public static string Address(AttendeeQuery query, string? searchId = null)
    {
        var parts = new List<string>();
        if (query.Q is not null && searchId is not null) parts.Add("search=" + searchId);
        if (query.Status is { } s) parts.Add("status=" + s);
        if (query.Sort != "name") parts.Add("sort=" + query.Sort);
        if (query.Descending) parts.Add("dir=desc");
        if (query.Page > 1) parts.Add("page=" + query.Page);
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);
    }
}
