using System.Globalization;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Web.Pages.Statements;
using Microsoft.Playwright;

namespace Events.Tests.Statements;

/// <summary>
/// The accessibility and eco-design statements publish figures (<see cref="Measured"/>); this is where they come
/// from. Every page they list is opened in Chromium with an empty cache: what it transfers must be within 10 % (or
/// 1 KB) of the published weight, its request count equal, nothing from another site, and axe-core silent. The weight
/// is the bytes the server sends for the URLs the browser asked for, compressed as it compresses them (bodies, without
/// headers): the same build gives the same figure on any machine and under any load. When the service changes, the test
/// fails with the block to paste into Measured.cs; it never writes a file, so the tree stays as it was.
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
            List<string> urls;
            lock (traffic) urls = [.. traffic.Urls];
            var kilobytes = Math.Round(await SentBytesAsync(urls) / 1024.0, 1);
            measured.Add((published, kilobytes, urls.Count));
            if (urls.Any(u => !u.StartsWith(live.BaseUrl, StringComparison.Ordinal))) problems.Add($"{path}: a request to another site");
            if (kilobytes > 15) problems.Add($"{path}: {kilobytes} KB, over the 15 KB budget");
            if (urls.Count > 3) problems.Add($"{path}: {urls.Count} requests, over the budget of 3");
            if (Math.Abs(kilobytes - published.Kilobytes) > Math.Max(1.0, published.Kilobytes * 0.10) || urls.Count != published.Requests)
                problems.Add($"{path}: published {published.Kilobytes} KB in {published.Requests} requests, measured {kilobytes} KB in {urls.Count}");
            await Browser.AssertNoAccessibilityViolationsAsync(page);
        }

        var tools = $"Chromium {browser.Version.Split('.')[0]} (Debian {File.ReadAllText("/etc/debian_version").Trim().Split('.')[0]}), headless, Microsoft.Playwright 1.64";
        var drifted = tools != Measured.Browser
                      || measured.Any(m => Math.Abs(m.Kilobytes - m.Published.Kilobytes) > Math.Max(1.0, m.Published.Kilobytes * 0.10) || m.Requests != m.Published.Requests);
        if (drifted) problems.Add($"published with {Measured.Browser}, measured with {tools}");
        Assert.True(problems.Count == 0, string.Join("\n", problems) + (drifted
            ? "\n\nPaste between the <measured> markers of Events.Web/Pages/Statements/Measured.cs:\n"
              + Block(measured.Select(m => (m.Published, m.Kilobytes, m.Requests)).ToList(), DateOnly.FromDateTime(DateTime.UtcNow), tools)
            : ""));
    }

    /// <summary>What the server sends for these URLs, compressed as for a browser (bodies only: headers carry dates).</summary>
    private static async Task<long> SentBytesAsync(IEnumerable<string> urls)
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None, UseCookies = false });
        long bytes = 0;
        foreach (var url in urls)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br, zstd");
            using var response = await http.SendAsync(request);
            bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        return bytes;
    }

    [Fact]
    public void TheBlockToPasteIsTheCommittedOneWhenNothingDrifted()
    {
        // So a paste changes only figures: the block written from the committed figures is the committed block.
        var source = File.ReadAllText(Path.Combine(Architecture.Source.Root, "Events.Web", "Pages", "Statements", "Measured.cs"));
        var (start, end) = (source.IndexOf("    // <measured>", StringComparison.Ordinal), source.IndexOf("    // </measured>", StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, "Measured.cs has lost its <measured> markers");
        Assert.Equal(source[start..end].ReplaceLineEndings(), Block(Measured.Pages.Select(p => (p, p.Kilobytes, p.Requests)).ToList(), Measured.On, Measured.Browser).ReplaceLineEndings());
    }

    /// <summary>The lines between Measured.cs's markers: the date and one line per page.</summary>
    internal static string Block(IReadOnlyList<(Measured.Page Page, double Kilobytes, int Requests)> figures, DateOnly on, string browser)
    {
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
        return block.ToString();
    }
}
