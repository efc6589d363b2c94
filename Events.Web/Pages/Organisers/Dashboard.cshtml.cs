using Events.Api.Attendees;
using Events.Api.Mail;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Events.Web.Pages.Organisers.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Admins' view of the registrations: the figures, the admissions over capacity, a search, a CSV export, charts
/// over time (server-drawn SVG with the same figures as tables) and links to the printouts. The search
/// is a POST so that names never appear in addresses or access logs.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class DashboardModel(AttendeeList attendees, AttendeeCharts charts, OutboxQueue outbox, Editions editions, ActivityLog activity, UiText t, TimeProvider clock) : PageModel
{
    public AttendeeList.Summary Figures { get; private set; } = null!;
    public (long Waiting, long Failed) Mail { get; private set; }
    public IReadOnlyList<OverCapacityAdmission> OverCapacity { get; private set; } = [];
    [BindProperty] public string? Query { get; set; }
    public IReadOnlyList<Attendee>? Results { get; private set; }
    public (ChartView Registrations, ChartView Waiting)? Periods { get; private set; }
    public ChartView? Arrivals { get; private set; }

    public void OnGet() => Load();

    public void OnPost()
    {
        Load();
        Results = attendees.Search(Query);
    }

    public async Task<IActionResult> OnPostRetryMailAsync(CancellationToken ct)
    {
        await outbox.RetryFailedAsync(clock.GetUtcNow(), ct);
        return Redirect("/organisers/dashboard");
    }

    private void Load()
    {
        Figures = attendees.Figures();
        Mail = outbox.Counts();
        OverCapacity = attendees.OverCapacity();
        var data = charts.Load();
        Periods = DashboardCharts.Periods(data, t);
        Arrivals = DashboardCharts.Arrivals(data, t);
    }

    /// <summary>Every registration as CSV; recorded in the activity log, like the attendee list's exports.</summary>
    public async Task<FileContentResult> OnGetExportAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(editions.Current().TimeZone);
        var rows = attendees.All();
        await activity.RecordAsync(User, ActivityActions.AttendeesExported, detail: $"status=all, sort=name, search=no, rows={rows.Count}", ct: ct);
        return File(AttendeeExport.Csv(rows, t.Texts, zone), AttendeeExport.ContentType, AttendeeExport.FileName);
    }
}
