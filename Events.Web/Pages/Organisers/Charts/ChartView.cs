using Events.Api.Attendees;

namespace Events.Web.Pages.Organisers.Charts;

/// <summary>
/// One chart as the page draws it (<c>_Chart.cshtml</c>): a caption, a one-sentence summary for screen readers (the
/// SVG's name), a legend, the geometry with the names of its scales, the labels under it, and the same figures as a
/// table.
/// </summary>
public sealed record ChartView(
    string Id, string Title, string Summary, string? Legend, ChartGeometry Geometry,
    string LeftAxis, string? RightAxis, IReadOnlyList<(double X, string Text)> XLabels, string? LimitLabel,
    IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
