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
/// service changes, the test writes the new figures and today's date into Measured.cs itself and fails once, so the
/// statements never drift and nobody types a figure.
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

        var tools = $"Chromium {browser.Version.Split('.')[0]} (Debian {File.ReadAllText("/etc/debian_version").Trim().Split('.')[0]}), headless, Microsoft.Playwright 1.64";
        var drifted = tools != Measured.Browser
                      || measured.Any(m => Math.Abs(m.Kilobytes - m.Published.Kilobytes) > Math.Max(1.0, m.Published.Kilobytes * 0.10) || m.Requests != m.Published.Requests);
        if (drifted)
        {
            problems.Add($"published with {Measured.Browser}, measured with {tools}");
            Publish(measured.Select(m => (m.Published, m.Kilobytes, m.Requests)).ToList(), DateOnly.FromDateTime(DateTime.UtcNow), tools);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems) + (drifted ? "\n\nEvents.Web/Pages/Statements/Measured.cs now holds the figures measured: review and commit it." : ""));
    }

    [Fact]
    public void TheWriterOfTheFiguresReproducesTheCommittedFileExactly()
    {
        // So a rewrite changes only figures, and what is committed is what the writer writes.
        var file = Path.Combine(Architecture.Source.Root, "Events.Web", "Pages", "Statements", "Measured.cs");
        var before = File.ReadAllText(file);
        Publish(Measured.Pages.Select(p => (p, p.Kilobytes, p.Requests)).ToList(), Measured.On, Measured.Browser);
        var after = File.ReadAllText(file);
        File.WriteAllText(file, before);
        Assert.Equal(before, after);
    }

    /// <summary>Rewrites the lines between Measured.cs's markers: the date and one line per page.</summary>
    internal static void Publish(IReadOnlyList<(Measured.Page Page, double Kilobytes, int Requests)> figures, DateOnly on, string browser)
    {
        var file = Path.Combine(Architecture.Source.Root, "Events.Web", "Pages", "Statements", "Measured.cs");
        var source = File.ReadAllText(file);
        var (start, end) = (source.IndexOf("    // <measured>", StringComparison.Ordinal), source.IndexOf("    // </measured>", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, "Measured.cs has lost its <measured> markers");
        var block = new System.Text.StringBuilder()
            .AppendLine("    // <measured> written by StatementFiguresTests")
            .AppendLine("    /// <summary>When the figures were last taken (the statements' date).</summary>")
            .AppendLine(CultureInfo.InvariantCulture, $"    public static readonly DateOnly On = new({on.Year}, {on.Month}, {on.Day});")
            .AppendLine(CultureInfo.InvariantCulture, $"    public const string Browser = \"{browser}\";")
            .AppendLine()
            .AppendLine("    /// <summary>Paths with {code} are opened with a real registration's codes.</summary>")
            .AppendLine("    public static readonly IReadOnlyList<Page> Pages =")
            .AppendLine("    [");
        foreach (var (page, kilobytes, requests) in figures)
            block.AppendLine(CultureInfo.InvariantCulture, $"        new(\"{page.Path}\", \"{page.Fr}\", \"{page.En}\", {kilobytes:0.0}, {requests}),");
        block.AppendLine("    ];");
        File.WriteAllText(file, source[..start] + block + source[end..]);
    }
}
