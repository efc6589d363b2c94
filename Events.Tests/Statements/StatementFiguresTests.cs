using System.Globalization;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Web.Pages.Statements;
using Microsoft.Playwright;

namespace Events.Tests.Statements;

/// <summary>
/// The accessibility and eco-design statements publish figures (<see cref="Measured"/>); this is where they come
/// from. Every page they list is opened in Chromium with an empty cache: what it transfers must be within 10 % (or
/// 1 KB) of the published weight, its request count equal, nothing from another site, and axe-core silent. When the
/// service changes, the failure prints the lines to paste into Measured.cs, so the statements never drift.
/// </summary>
public sealed class StatementFiguresTests
{
    [SkippableFact]
    public async Task ThePublishedWeightsRequestsAndAxeResultsAreWhatTheSuiteMeasures()
    {
        using var live = new LiveApp();
        var ticket = await live.TicketAsync("Ada", "Lovelace");
        var manage = live.App.ManageCodeOf(ticket);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var measured = new List<(Measured.Page Published, double Kilobytes, int Requests)>();
        var problems = new List<string>();
        foreach (var published in Measured.Pages)
        {
            var context = await browser.NewContextAsync(new() { Locale = "fr-FR" }); // an empty cache: a first visit
            await using var ___ = context;
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            var traffic = Browser.Traffic.Watch(page);
            var path = published.Path.Replace("/ticket/{code}", $"/ticket/{ticket}").Replace("{code}", manage);
            await page.GotoAsync(live.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            var kilobytes = Math.Round(traffic.Bytes / 1024.0, 1);
            measured.Add((published, kilobytes, traffic.Urls.Count));
            if (traffic.Urls.Any(u => !u.StartsWith(live.BaseUrl, StringComparison.Ordinal))) problems.Add($"{path}: a request to another site");
            if (kilobytes > 15) problems.Add($"{path}: {kilobytes} KB, over the 15 KB budget");
            if (traffic.Urls.Count > 3) problems.Add($"{path}: {traffic.Urls.Count} requests, over the budget of 3");
            if (Math.Abs(kilobytes - published.Kilobytes) > Math.Max(1.0, published.Kilobytes * 0.10) || traffic.Urls.Count != published.Requests)
                problems.Add($"{path}: published {published.Kilobytes} KB in {published.Requests} requests, measured {kilobytes} KB in {traffic.Urls.Count}");
            await Browser.AssertNoAccessibilityViolationsAsync(page);
        }

        var lines = measured.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"        new(\"{m.Published.Path}\", \"{m.Published.Fr}\", \"{m.Published.En}\", {m.Kilobytes:0.0}, {m.Requests}),"));
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\nThe figures to publish in Events.Web/Pages/Statements/Measured.cs:\n" + string.Join("\n", lines));
    }
}
