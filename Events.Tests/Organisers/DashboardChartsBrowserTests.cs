using System.Globalization;
using System.Text.Json;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Organisers;

/// <summary>
/// The dashboard's charts as people see them in Chromium: every scale labelled with round numbers, dates or times
/// under the bars, all of it as SVG text a person can read on a phone and on a desk, in light and dark.
/// </summary>
public sealed class DashboardChartsBrowserTests
{
    private sealed record Label(string Group, string Text, double Size, double Left, double Right, double Top, double Bottom, string Fill);

    private sealed record Drawn(string Id, Label[] Labels, string Ink, double Width);

    // Each chart's text: which group it belongs to (left or right scale, dates, scale names), its rendered font size
    // (the computed size times the SVG's scale on screen), its box on screen and its colour.
    private const string Read = """
        () => [...document.querySelectorAll('figure.chart')].map(f => ({
          id: f.querySelector('figcaption').id,
          ink: getComputedStyle(document.body).color,
          width: document.documentElement.clientWidth,
          labels: [...f.querySelectorAll('svg text')].map(t => {
            const r = t.getBoundingClientRect();
            const group = t.classList.contains('title') ? 'title' : t.classList.contains('cap') ? 'cap' : t.parentNode.classList[0];
            return { group, text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().d,
                     left: r.left, right: r.right, top: r.top, bottom: r.bottom, fill: getComputedStyle(t).fill };
          })
        }))
        """;

    [SkippableFact]
    public async Task EveryChartHasLabelledScalesAndDatesReadableAt390And1280PxInLightAndDark()
    {
        using var live = new LiveApp(new() { ["Events:Event:Capacity"] = "150" });
        await live.App.CampaignAsync(people: 180, arrivals: 120);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        foreach (var width in new[] { 390, 1280 })
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await using var context = await browser.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = width, Height = 900 }, ColorScheme = scheme });
                var page = await context.NewPageAsync();
                await page.SignInAsync(live.BaseUrl);
                await page.GotoAsync(live.BaseUrl + "/organisers/dashboard");
                var charts = (await page.EvaluateAsync<JsonElement>(Read)).Deserialize<Drawn[]>(JsonSerializerOptions.Web)!;
                var at = $"{width} px, {scheme}";
                Assert.Equal(["chart-registrations", "chart-waiting", "chart-arrivals"], charts.Select(c => c.Id));
                foreach (var chart in charts)
                {
                    var where = $"{chart.Id} at {at}";
                    var left = chart.Labels.Where(l => l.Group == "left").ToList();
                    Assert.True(left.Count is >= 3 and <= 6, $"{where}: {left.Count} ticks on the left scale");
                    AssertRoundScale(left, where);
                    Assert.Contains(chart.Labels, l => l.Group == "title" && l.Text.Trim().Length > 0);
                    var dates = chart.Labels.Where(l => l.Group == "x").ToList();
                    Assert.True(dates.Count is >= 2 and <= 5, $"{where}: {dates.Count} labels under the bars");
                    Assert.All(dates.Zip(dates.Skip(1)), p => Assert.True(p.First.Right + 4 <= p.Second.Left, $"{where}: '{p.First.Text}' overlaps '{p.Second.Text}'"));
                    foreach (var label in chart.Labels)
                    {
                        Assert.True(label.Size >= 11, $"{where}: '{label.Text}' drawn at {label.Size:0.#} px");
                        Assert.True(label.Left >= 0 && label.Right <= chart.Width, $"{where}: '{label.Text}' leaves the screen ({label.Left:0}–{label.Right:0})");
                        Assert.Equal(chart.Ink, label.Fill); // the page's ink: legible on its paper in either scheme
                    }
                }

                // Bars of tens and a running total of hundreds: each on its own labelled scale, the capacity on the right one.
                var registrations = charts[0];
                Assert.Equal(2, registrations.Labels.Count(l => l.Group == "title"));
                var right = registrations.Labels.Where(l => l.Group == "right").ToList();
                Assert.Equal(registrations.Labels.Count(l => l.Group == "left"), right.Count);
                AssertRoundScale(right, $"right scale at {at}");
                Assert.True(long.Parse(right[^1].Text, CultureInfo.InvariantCulture) >= 150, $"right scale tops at {right[^1].Text}");
                Assert.True(long.Parse(registrations.Labels.Where(l => l.Group == "left").Last().Text, CultureInfo.InvariantCulture) < 150);
                Assert.Contains(registrations.Labels, l => l.Group == "cap" && l.Text == "capacité\u00A0: 150");
                Assert.Equal("22 mai", registrations.Labels.First(l => l.Group == "x").Text);
                Assert.Equal("08:20", charts[2].Labels.First(l => l.Group == "x").Text);
            }
    }

    /// <summary>Ticks from 0 upwards, evenly spaced on screen, by a constant round step.</summary>
    private static void AssertRoundScale(IReadOnlyList<Label> ticks, string where)
    {
        var values = ticks.Select(t => long.Parse(t.Text, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(0, values[0]);
        var step = values[1];
        Assert.Contains(step.ToString(CultureInfo.InvariantCulture)[0], "125");
        Assert.Equal(Enumerable.Range(0, values.Count).Select(i => i * step), values);
        var middles = ticks.Select(t => (t.Top + t.Bottom) / 2).ToList();
        var gap = middles[0] - middles[1];
        Assert.True(gap > 20, $"{where}: ticks {gap:0.#} px apart");
        Assert.All(middles.Zip(middles.Skip(1)), p => Assert.InRange(p.First - p.Second, gap - 1, gap + 1));
    }
}
