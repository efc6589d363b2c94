using Events.Api.Attendees;

namespace Events.Tests.Organisers;

/// <summary>The rules of the dashboard's charts, without a page: geometry, days and slots.</summary>
public sealed class DashboardChartGeometryTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void BarHeightsAreProportionalToTheirValues()
    {
        var g = Chart.Bars([10, 5, 0, 20]);
        Assert.Equal(20, g.Left.Top);
        Assert.Equal([Chart.Height / 2.0, Chart.Height / 4.0, 0, Chart.Height], g.Bars.Select(b => b.Height));
        Assert.All(g.Bars, b => Assert.Equal(Chart.Height, b.Y + b.Height, 6)); // every bar stands on the axis
        Assert.Null(g.Right);
    }

    [Fact]
    public void BarsShareTheWidthEquallyWithAGapBetweenThem()
    {
        var g = Chart.Bars([1, 2, 3, 4]);
        Assert.All(g.Bars, b => Assert.Equal(Chart.Width / 4.0 * 0.8, b.Width, 6));
        Assert.All(g.Bars.Zip(g.Bars.Skip(1)), p => Assert.True(p.First.X + p.First.Width < p.Second.X));
        Assert.True(g.Bars[^1].X + g.Bars[^1].Width <= Chart.Width);
        Assert.Equal(g.Bars[2].X + g.Bars[2].Width / 2, g.Center(2), 6);
        Assert.Equal(Chart.Width / 2.0, g.Edge(2), 6);
    }

    [Theory]
    [InlineData(7, new long[] { 0, 2, 4, 6, 8 })]
    [InlineData(20, new long[] { 0, 5, 10, 15, 20 })]
    [InlineData(58, new long[] { 0, 20, 40, 60 })]
    [InlineData(90, new long[] { 0, 25, 50, 75, 100 })]
    [InlineData(150, new long[] { 0, 50, 100, 150 })]
    [InlineData(1_234, new long[] { 0, 250, 500, 750, 1_000, 1_250 })]
    [InlineData(1, new long[] { 0, 1, 2 })]
    [InlineData(0, new long[] { 0, 1, 2 })]
    public void AScaleHasAFewRoundTicksFromZeroToJustAboveTheLargestValue(long max, long[] ticks)
    {
        var (scale, _) = Chart.Scales(max, null);
        Assert.Equal(ticks, scale.Ticks);
        Assert.Equal(ticks[^1], scale.Top);
        Assert.Equal(Chart.Height, scale.Y(0));
        Assert.Equal(0, scale.Y(scale.Top));
    }

    [Fact]
    public void TheRunningTotalAndTheCapacityHaveTheirOwnScaleOnTheRightWithTheSameGridlines()
    {
        // 20 registrations on the busiest day, 130 seats taken of 150: bars on the left scale, line and capacity on the right.
        var g = Chart.Bars([5, 20, 12], line: [5, 25, 130], limit: 150);
        Assert.Equal(0, g.Left.Ticks[0]);
        Assert.True(g.Left.Top >= 20);
        var right = Assert.IsType<Scale>(g.Right);
        Assert.True(right.Top >= 150);
        Assert.Equal(g.Left.Ticks.Count, right.Ticks.Count); // one gridline per tick on both sides
        Assert.Equal(right.Y(150), g.LimitY);
        Assert.Equal(right.Y(130), g.Line[2].Y, 6);
        Assert.Equal(g.Left.Y(20), g.Bars[1].Y, 6);
        Assert.Equal(g.Center(1), g.Line[1].X, 6); // a point above the middle of its bar
    }

    [Fact]
    public void AnOverCapacityEventDrawsItsLineAboveTheCapacity()
    {
        var g = Chart.Bars([302], line: [302], limit: 300);
        Assert.True(g.Right!.Top >= 302);
        Assert.True(g.Line[0].Y < g.LimitY);
    }

    [Fact]
    public void ACapacityWithoutALineIsOnTheBarsScale()
    {
        var g = Chart.Bars([10], limit: 40);
        Assert.Null(g.Right);
        Assert.Equal(40, g.Left.Top);
        Assert.Equal(0, g.LimitY);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(10, 2)]
    [InlineData(12, 3)]
    [InlineData(35, 7)]
    [InlineData(60, 14)]
    public void DatesAreLabelledEveryFewDaysSoThatAtMostFiveLabelsShow(int days, int every)
    {
        Assert.Equal(every, Chart.LabelStep(days, [1, 2, 3, 7, 14, 28], 5));
        Assert.True((days + every - 1) / every <= 5);
    }

    [Fact]
    public void NoDataDrawsNothingAndNeverDividesByZero()
    {
        var empty = Chart.Bars([]);
        Assert.Empty(empty.Bars);
        Assert.Equal("", empty.BarsPath());
        var zeros = Chart.Bars([0, 0]);
        Assert.All(zeros.Bars, b => Assert.Equal(0, b.Height));
        Assert.Equal("", zeros.BarsPath()); // no empty rectangles in the markup
    }

    [Fact]
    public void TheBarsAreOnePathWithInvariantNumbers()
    {
        var path = Chart.Bars([1, 3]).BarsPath();
        Assert.Equal("M30 133.3h240v66.7h-240zM330 0h240v200h-240z", path);
    }

    [Fact]
    public void ALongCampaignIsDrawnInWholeWeeksAndNeverMoreThanSixtyBars()
    {
        Assert.Equal(1, Chart.DaysPerBar(60));
        Assert.Equal(7, Chart.DaysPerBar(61));
        Assert.Equal(7, Chart.DaysPerBar(420));
        Assert.Equal(14, Chart.DaysPerBar(421));
        var hours = new[] { new HourChanges(Hour(2027, 1, 4, 10), 1, 1, 0), new HourChanges(Hour(2027, 6, 25, 10), 1, 1, 0) };
        var rows = ChartSeries.Periods(hours, Paris, new DateOnly(2027, 6, 26));
        Assert.True(rows.Count <= ChartSeries.MaxBars);
        Assert.All(rows.SkipLast(1), r => Assert.Equal(6, r.To.DayNumber - r.From.DayNumber));
        Assert.Equal(2, rows.Sum(r => r.Registered));
        Assert.Equal(2, rows[^1].Confirmed);
    }

    [Fact]
    public void DaysFollowTheEventsTimeZoneAndKeepDaysWithoutChanges()
    {
        // 23:30 UTC on 1 June is 01:30 on 2 June in Paris (summer time).
        var hours = new[]
        {
            new HourChanges(Hour(2027, 6, 1, 23), 2, 2, 0),
            new HourChanges(Hour(2027, 6, 4, 8), 3, 1, 2),
            new HourChanges(Hour(2027, 6, 4, 9), 0, 1, -1),
        };
        var rows = ChartSeries.Periods(hours, Paris, new DateOnly(2027, 6, 5));
        Assert.Equal([new DateOnly(2027, 6, 2), new(2027, 6, 3), new(2027, 6, 4), new(2027, 6, 5)], rows.Select(r => r.From));
        Assert.Equal([2L, 0, 3, 0], rows.Select(r => r.Registered));
        Assert.Equal([2L, 2, 4, 4], rows.Select(r => r.Confirmed)); // a running total
        Assert.Equal([0L, 0, 1, 1], rows.Select(r => r.Waiting));
    }

    [Fact]
    public void ArrivalSlotsAreTenMinutesInTheEventsZoneWithEmptySlotsKept()
    {
        var start = new DateTimeOffset(2027, 6, 26, 6, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 600;
        var rows = ChartSeries.Slots([new SlotCount(start, 4), new SlotCount(start + 2, 1)], Paris);
        Assert.Equal(["08:30", "08:40", "08:50"], rows.Select(r => r.From.ToString("HH:mm")));
        Assert.Equal([4L, 0, 1], rows.Select(r => r.Arrivals));
        Assert.All(rows, r => Assert.Equal(TimeSpan.FromMinutes(10), r.To - r.From));
    }

    [Fact]
    public void ALongDayOfArrivalsIsDrawnInWiderSlots()
    {
        var rows = ChartSeries.Slots([new SlotCount(1000, 1), new SlotCount(1000 + 99, 1)], Paris); // 100 slots of 10 minutes
        Assert.True(rows.Count <= ChartSeries.MaxSlots);
        Assert.Equal(TimeSpan.FromMinutes(30), rows[0].To - rows[0].From);
        Assert.Equal(2, rows.Sum(r => r.Arrivals));
    }

    private static long Hour(int y, int m, int d, int h) => new DateTimeOffset(y, m, d, h, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 3600;
}
