using System.Globalization;
using System.Text;

namespace Events.Api.Attendees;

/// <summary>A bar's box in the chart's own units (origin at the top left, as in SVG).</summary>
public readonly record struct BarBox(double X, double Y, double Width, double Height);

/// <summary>A value axis from 0 to <see cref="Top"/>, labelled at <see cref="Ticks"/> (round numbers, 0 and the top included).</summary>
public sealed record Scale(long Top, IReadOnlyList<long> Ticks)
{
    /// <summary>The height of <paramref name="value"/> on this axis, in the chart's units from its top.</summary>
    public double Y(long value) => Chart.Height - Chart.Height * (double)Math.Max(0, value) / Top;
}

/// <summary>
/// What a chart draws, in a <see cref="Chart.Width"/> × <see cref="Chart.Height"/> box: a bar per value on the
/// <see cref="Left"/> scale, an optional line through one point per bar and an optional horizontal line (the
/// capacity), both on the <see cref="Right"/> scale when there is a line, else on the left one.
/// </summary>
public sealed record ChartGeometry(IReadOnlyList<BarBox> Bars, IReadOnlyList<(double X, double Y)> Line, double? LimitY, Scale Left, Scale? Right)
{
    private double Slot => Bars.Count == 0 ? Chart.Width : (double)Chart.Width / Bars.Count;

    /// <summary>The middle of bar <paramref name="i"/> (where a day's label goes).</summary>
    public double Center(int i) => i * Slot + Slot / 2;

    /// <summary>The left edge of bar <paramref name="i"/>'s slot (where a time slot's start goes).</summary>
    public double Edge(int i) => i * Slot;

    /// <summary>Every bar as one SVG path: a few bytes per bar rather than an element each.</summary>
    public string BarsPath() => string.Concat(Bars.Where(b => b.Height > 0).Select(b => $"M{N(b.X)} {N(b.Y)}h{N(b.Width)}v{N(b.Height)}h-{N(b.Width)}z"));

    /// <summary>A horizontal rule at each tick of the left scale but 0 (the axis itself), as one path.</summary>
    public string GridPath() => string.Concat(Left.Ticks.Where(t => t > 0).Select(t => $"M0 {N(Left.Y(t))}H{Chart.Width}"));

    /// <summary>The horizontal line's height as an SVG attribute value, when there is one.</summary>
    public string? LimitText => LimitY is { } y ? N(y) : null;

    /// <summary>The line's points, for a <c>polyline</c>.</summary>
    public string LinePoints() => string.Join(" ", Line.Select(p => $"{N(p.X)},{N(p.Y)}"));

    internal static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>
/// The geometry of the dashboard's charts, kept apart from the markup so that the rules (bars proportional to their
/// values, round ticks, the capacity line at its height, nothing drawn for no data) are tested without a page.
/// </summary>
public static class Chart
{
    public const int Width = 600;
    public const int Height = 200;

    /// <summary>The space between bars, as a share of each bar's slot.</summary>
    private const double Gap = 0.2;

    /// <summary>
    /// Bars for <paramref name="values"/> on a scale of their own; a line through <paramref name="line"/> (one value
    /// per bar) and a horizontal line at <paramref name="limit"/> on a second scale, so that a running total of
    /// hundreds does not flatten bars of tens. Both scales have as many ticks, so they share their gridlines.
    /// </summary>
    public static ChartGeometry Bars(IReadOnlyList<long> values, IReadOnlyList<long>? line = null, long? limit = null)
    {
        if (line is not null && line.Count != values.Count) throw new ArgumentException("One line point per bar.", nameof(line));
        var barsMax = values.DefaultIfEmpty(0).Max();
        var (left, right) = line is null
            ? Scales(Math.Max(barsMax, limit ?? 0), null)
            : Scales(barsMax, line.Append(limit ?? 0).DefaultIfEmpty(0).Max());
        var lineScale = right ?? left;
        double? limitY = limit is { } l ? lineScale.Y(l) : null;
        if (values.Count == 0) return new([], [], limitY, left, right);
        var slot = (double)Width / values.Count;
        var bars = values.Select((v, i) =>
        {
            var h = Height - left.Y(v);
            return new BarBox(i * slot + slot * Gap / 2, Height - h, slot * (1 - Gap), h);
        }).ToList();
        var points = (line ?? []).Select((v, i) => (i * slot + slot / 2, lineScale.Y(v))).ToList();
        return new(bars, points, limitY, left, right);
    }

    /// <summary>
    /// One scale reaching <paramref name="max"/>, or two (for <paramref name="max"/> and <paramref name="rightMax"/>)
    /// with the same number of intervals: 2 to 5 of them, each a round step (1, 2, 2.5 or 5 times a power of ten, a
    /// whole number), whichever leaves the least empty space above the data; on a tie, 4 intervals, then 5, 3, 2.
    /// </summary>
    public static (Scale Left, Scale? Right) Scales(long max, long? rightMax)
    {
        (Scale Left, Scale? Right) best = default;
        var bestWaste = double.MaxValue;
        foreach (var intervals in new[] { 4, 5, 3, 2 })
        {
            var left = Nice(max, intervals);
            var right = rightMax is { } r ? Nice(r, intervals) : null;
            var waste = left.Top / (double)Math.Max(1, max) + (right is null ? 0 : right.Top / (double)Math.Max(1, rightMax!.Value));
            if (waste < bestWaste - 1e-9) (best, bestWaste) = ((left, right), waste);
        }
        return best;
    }

    private static Scale Nice(long max, int intervals)
    {
        var step = Steps().First(s => s * intervals >= Math.Max(1, max));
        return new Scale(step * intervals, Enumerable.Range(0, intervals + 1).Select(i => i * step).ToList());
    }

    private static IEnumerable<long> Steps()
    {
        for (long power = 1; ; power *= 10)
        {
            yield return power;
            yield return 2 * power;
            if (power >= 10) yield return 25 * power / 10;
            yield return 5 * power;
        }
    }

    /// <summary>
    /// The smallest of <paramref name="steps"/> (in bars) that labels at most <paramref name="maxLabels"/> of
    /// <paramref name="count"/> bars, so that labels never crowd each other on a phone; the largest step otherwise.
    /// </summary>
    public static int LabelStep(int count, IReadOnlyList<int> steps, int maxLabels) =>
        steps.FirstOrDefault(s => (count + s - 1) / s <= maxLabels, steps[^1]);

    /// <summary>How many consecutive days each bar covers so that <paramref name="days"/> days make at most <paramref name="maxBars"/> bars: one day, else whole weeks.</summary>
    public static int DaysPerBar(int days, int maxBars = 60) =>
        days <= maxBars ? 1 : 7 * (int)Math.Ceiling(days / (7.0 * maxBars));
}
