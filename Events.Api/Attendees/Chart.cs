using System.Globalization;
using System.Text;

namespace Events.Api.Attendees;

/// <summary>A bar's box in the chart's own units (origin at the top left, as in SVG).</summary>
public readonly record struct BarBox(double X, double Y, double Width, double Height);

/// <summary>
/// What a chart draws, in a <see cref="Chart.Width"/> × <see cref="Chart.Height"/> box: a bar per value, an optional
/// line through one point per bar, an optional horizontal line (the capacity). Everything is scaled to <see cref="Top"/>.
/// </summary>
public sealed record ChartGeometry(IReadOnlyList<BarBox> Bars, IReadOnlyList<(double X, double Y)> Line, double? LimitY, long Top)
{
    /// <summary>Every bar as one SVG path: a few bytes per bar rather than an element each.</summary>
    public string BarsPath() => string.Concat(Bars.Where(b => b.Height > 0).Select(b => $"M{N(b.X)} {N(b.Y)}h{N(b.Width)}v{N(b.Height)}h-{N(b.Width)}z"));

    /// <summary>The horizontal line's height as an SVG attribute value, when there is one.</summary>
    public string? LimitText => LimitY is { } y ? N(y) : null;

    /// <summary>The line's points, for a <c>polyline</c>.</summary>
    public string LinePoints() => string.Join(" ", Line.Select(p => $"{N(p.X)},{N(p.Y)}"));

    internal static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>
/// The geometry of the dashboard's charts, kept apart from the markup so that the rules (bars proportional to their
/// values, the capacity line at its height, nothing drawn for no data) are tested without a page.
/// </summary>
public static class Chart
{
    public const int Width = 600;
    public const int Height = 200;

    /// <summary>The space between bars, as a share of each bar's slot.</summary>
    private const double Gap = 0.2;

    /// <summary>
    /// Bars for <paramref name="values"/>, a line through <paramref name="line"/> (one value per bar) and a
    /// horizontal line at <paramref name="limit"/>; the scale's top is the largest of them all (at least 1).
    /// </summary>
    public static ChartGeometry Bars(IReadOnlyList<long> values, IReadOnlyList<long>? line = null, long? limit = null)
    {
        if (line is not null && line.Count != values.Count) throw new ArgumentException("One line point per bar.", nameof(line));
        var top = Math.Max(1, values.Concat(line ?? []).Append(limit ?? 0).DefaultIfEmpty(0).Max());
        if (values.Count == 0) return new([], [], limit is { } l0 ? Y(l0, top) : null, top);
        var slot = (double)Width / values.Count;
        var bars = values.Select((v, i) =>
        {
            var h = Height * (double)Math.Max(0, v) / top;
            return new BarBox(i * slot + slot * Gap / 2, Height - h, slot * (1 - Gap), h);
        }).ToList();
        var points = (line ?? []).Select((v, i) => (i * slot + slot / 2, Y(v, top))).ToList();
        return new(bars, points, limit is { } l ? Y(l, top) : null, top);
    }

    private static double Y(long value, long top) => Height - Height * (double)Math.Max(0, value) / top;

    /// <summary>How many consecutive days each bar covers so that <paramref name="days"/> days make at most <paramref name="maxBars"/> bars: one day, else whole weeks.</summary>
    public static int DaysPerBar(int days, int maxBars = 60) =>
        days <= maxBars ? 1 : 7 * (int)Math.Ceiling(days / (7.0 * maxBars));
}
