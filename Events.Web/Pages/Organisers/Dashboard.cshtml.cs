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
/// Admins' view of the registrations: the figures, the admissions over capacity, charts over time (server-drawn SVG
/// with the same figures as tables) and links to the printouts. Searching and exporting are the attendee list's.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class DashboardModel(AttendeeList attendees, AttendeeCharts charts, OutboxQueue outbox, UiText t, TimeProvider clock) : PageModel
{
    public AttendeeList.Summary Figures { get; private set; } = null!;
    public (long Waiting, long Failed) Mail { get; private set; }
    public IReadOnlyList<OverCapacityAdmission> OverCapacity { get; private set; } = [];
    public (ChartView Registrations, ChartView? Waiting)? Periods { get; private set; }
    public ChartView? Arrivals { get; private set; }

    public void OnGet() => Load();

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
}
