using System.Globalization;
using Events.Api.Attendees;

namespace Events.Web.Pages.Organisers.Charts;

/// <summary>
/// Where a chart's text goes around its plot. The outer SVG has no viewBox: its units are CSS pixels, so its text
/// keeps the page's size at 390 px as at 1280 px, and only the plot (a nested SVG of <see cref="Chart.Width"/> ×
/// <see cref="Chart.Height"/>) stretches across. Across, positions are percentages of the width; down, pixels.
/// </summary>
public static class ChartFrame
{
    /// <summary>The whole drawing's height in CSS pixels: the scales' names, the plot, the labels under it.</summary>
    public const int Height = 262;
    public const int TitleY = 13;
    public const int PlotTop = 32;
    public const int LabelsY = PlotTop + Chart.Height + 20;

    /// <summary>The left margin (for the left scale's numbers), as a percentage of the width.</summary>
    public const double Left = 10;

    /// <summary>The right margin: room for the right scale's numbers, or for half a label under the last bar.</summary>
    public static double Right(ChartGeometry g) => g.Right is null ? 5 : 10;

    /// <summary>The plot's width, as a percentage.</summary>
    public static string PlotWidth(ChartGeometry g) => P(100 - Left - Right(g));

    /// <summary>A point across the plot (in the chart's units) as a percentage of the whole width.</summary>
    public static string X(ChartGeometry g, double x) => P(Left + x / Chart.Width * (100 - Left - Right(g)));

    /// <summary>The right edge of the plot, where the right scale's numbers start.</summary>
    public static string RightEdge(ChartGeometry g) => P(100 - Right(g));

    /// <summary>A height in the plot (in the chart's units) as pixels from the drawing's top.</summary>
    public static string Y(double y) => (PlotTop + Math.Round(y, 1)).ToString("0.#", CultureInfo.InvariantCulture);

    private static string P(double percent) => Math.Round(percent, 2).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
