using System.Globalization;
using Events.Api.Attendees;
using Events.Web.Localisation;

namespace Events.Web.Pages.Organisers.Charts;

/// <summary>The dashboard's three charts, worded in the organiser's language from <see cref="AttendeeCharts.Data"/>.</summary>
public static class DashboardCharts
{
    /// <summary>At most this many dates or times under a chart: five short labels fit a phone's width.</summary>
    private const int MaxLabels = 5;

    /// <summary>
    /// Registrations and confirmed seats against capacity, and the waiting list, per period; null before anyone
    /// registered, and no waiting-list chart while nobody has ever waited (a sentence says so instead).
    /// </summary>
    public static (ChartView Registrations, ChartView? Waiting)? Periods(AttendeeCharts.Data data, UiText t)
    {
        var rows = data.Periods;
        if (rows.Count == 0) return null;
        var weekly = rows[0].To > rows[0].From;
        string Day(DateOnly d) => t.Date(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "d MMM");
        string Long(DateOnly d) => t.Date(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "d MMMM yyyy");
        var (first, last) = (Long(rows[0].From), Long(rows[^1].To));
        var period = weekly ? t["chart_week"] : t["chart_day"];
        var labels = rows.Select(r => Day(r.From)).ToList();
        // A label every few days (whole weeks when there are many), under the middle of its bar.
        var every = Chart.LabelStep(rows.Count, weekly ? [1, 2, 4, 8, 16] : [1, 2, 3, 7, 14, 28], MaxLabels);
        IReadOnlyList<(double, string)> Dates(ChartGeometry g) =>
            Enumerable.Range(0, rows.Count).Where(i => i % every == 0).Select(i => (g.Center(i), labels[i])).ToList();

        var bars = Chart.Bars(rows.Select(r => r.Registered).ToList(), rows.Select(r => r.Confirmed).ToList(), data.Capacity);
        var registrations = new ChartView("chart-registrations",
            t[weekly ? "chart_registrations_title_week" : "chart_registrations_title"],
            t.Format("chart_registrations_summary", first, last, rows.Sum(r => r.Registered), rows.Max(r => r.Registered), rows[^1].Confirmed, data.Capacity),
            t["chart_registrations_legend"], bars,
            t["chart_registered"], t["chart_axis_confirmed"], Dates(bars), t.Format("chart_capacity", data.Capacity),
            [period, t["chart_registered"], t["chart_confirmed"]],
            rows.Select((r, i) => (IReadOnlyList<string>)[labels[i], N(r.Registered), N(r.Confirmed)]).ToList());
        if (rows.All(r => r.Waiting == 0)) return (registrations, null);
        var queue = Chart.Bars(rows.Select(r => r.Waiting).ToList());
        var waiting = new ChartView("chart-waiting", t["chart_waiting_title"],
            t.Format("chart_waiting_summary", first, last, rows.Max(r => r.Waiting), rows[^1].Waiting),
            null, queue, t["chart_axis_people"], null, Dates(queue), null,
            [period, t["chart_waiting"]],
            rows.Select((r, i) => (IReadOnlyList<string>)[labels[i], N(r.Waiting)]).ToList());
        return (registrations, waiting);
    }

    /// <summary>Arrivals per slot on the event's day; null before the first check-in.</summary>
    public static ChartView? Arrivals(AttendeeCharts.Data data, UiText t)
    {
        var slots = data.Arrivals;
        if (slots.Count == 0) return null;
        var minutes = (int)(slots[0].To - slots[0].From).TotalMinutes;
        static string Time(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);
        var bars = Chart.Bars(slots.Select(s => s.Arrivals).ToList());
        // A time every few slots, at the start of its slot, on round marks (08:30, 09:00…) when the slots allow it.
        var every = Chart.LabelStep(slots.Count, [1, 2, 3, 6, 12, 24], MaxLabels);
        static int Minute(DateTimeOffset at) => at.Hour * 60 + at.Minute;
        var from = Enumerable.Range(0, every).FirstOrDefault(i => i < slots.Count && Minute(slots[i].From) % (every * minutes) == 0);
        var times = Enumerable.Range(0, slots.Count).Where(i => i >= from && (i - from) % every == 0)
            .Select(i => (bars.Edge(i), Time(slots[i].From))).ToList();
        return new ChartView("chart-arrivals", t.Format("chart_arrivals_title", minutes),
            t.Format("chart_arrivals_summary", Time(slots[0].From), Time(slots[^1].To), slots.Sum(s => s.Arrivals), slots.Max(s => s.Arrivals), minutes),
            null, bars, t["chart_arrivals"], null, times, null,
            [t["chart_slot"], t["chart_arrivals"]],
            slots.Select(s => (IReadOnlyList<string>)[$"{Time(s.From)}–{Time(s.To)}", N(s.Arrivals)]).ToList());
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}
