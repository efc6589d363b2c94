using Events.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Events.Tests.Organisers;

/// <summary>
/// The back-office as organisers read it, in Chromium, with the long names of <see cref="BackofficeSeed"/>: no word or
/// number in a table cell is ever split across lines (at 1280 and 390 px), the header stays low, and the attendee list
/// with 50 rows stays within its weight.
/// </summary>
public sealed class OrganiserLayoutBrowserTests(ITestOutputHelper output)
{
    /// <summary>Every organiser page an admin opens; those marked hold at least one table.</summary>
    public static readonly (string Path, bool Table)[] Pages =
    [
        ("/organisers", false), ("/organisers/attendees", true), ("/organisers/attendees?status=waitlisted", true), ("/organisers/dashboard", true),
        ("/organisers/needs", true), ("/organisers/activity", true), ("/organisers/staff", true), ("/organisers/message", false),
        ("/organisers/message/history", true), ("/organisers/event", false), ("/organisers/event/new-edition", true), ("/organisers/agenda", false),
        ("/organisers/agenda/rooms", false), ("/organisers/agenda/speakers", true), ("/organisers/agenda/grid", true),
        ("/organisers/attendees/print", true), ("/organisers/badges", false), ("/door/scan", false), ("/door/walk-in", false),
    ];

    /// <summary>
    /// For each word of each text in a td or th (split on white space, across the text nodes of the cell, so that an
    /// address cut into pieces by &lt;wbr&gt; is still one word), the lines its characters sit on. A word on more than
    /// one line is a failure, except an e-mail address broken right after an '@' or a '.'.
    /// </summary>
    private const string SplitWords = """
        () => {
          const failures = [];
          let words = 0;
          const lineOf = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                                        const rects = [...r.getClientRects()].filter(x => x.width > 0); return rects.length ? rects[0].top : null; };
          for (const cell of document.querySelectorAll('td, th')) {
            if (cell.getClientRects().length === 0) continue; // not displayed
            const chars = []; // [node, offset, char] for every character of the cell's visible text; [null] between blocks
            const gap = () => chars.push([null, 0, ' ']);
            const walk = (node) => {
              if (node.nodeType === Node.TEXT_NODE) { for (let i = 0; i < node.data.length; i++) chars.push([node, i, node.data[i]]); return; }
              if (node.nodeType !== Node.ELEMENT_NODE) return;
              if (node.tagName === 'BR' || node.classList.contains('visually-hidden')) { gap(); return; }
              const display = getComputedStyle(node).display;
              const block = !display.startsWith('inline') && display !== 'contents'; // <wbr> and inline-blocks join words
              if (block) gap();
              node.childNodes.forEach(walk);
              if (block) gap();
            };
            cell.childNodes.forEach(walk);
            let word = [];
            const check = () => {
              if (word.length === 0) return;
              words++;
              const text = word.map(c => c[2]).join('');
              const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text.replace(/[(),;]/g, ''));
              let top = null, previous = null;
              for (const [node, i, ch] of word) {
                const t = lineOf(node, i);
                if (t === null) continue;
                if (top !== null && Math.abs(t - top) > 1 && !(email && (previous === '@' || previous === '.'))) {
                  failures.push(`${cell.tagName.toLowerCase()} “${text}” is split after “${previous}”`);
                  break;
                }
                top = t; previous = ch;
              }
              word = [];
            };
            for (const c of chars) { if (c[0] === null || /\s/.test(c[2])) check(); else word.push(c); }
            check();
          }
          return { words, failures: [...new Set(failures)] };
        }
        """;

    [SkippableFact]
    public async Task NoWordOrNumberInAnyTableCellOfTheOrganiserPagesIsSplitAcrossLinesAt1280Or390Pixels()
    {
        using var live = new LiveApp(BackofficeSeed.Settings);
        await BackofficeSeed.SeedAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var failures = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            var context = await browser.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = width, Height = width == 390 ? 844 : 800 } });
            await using var ___ = context;
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.SignInAsync(live.BaseUrl);
            foreach (var (path, table) in Pages)
            {
                await page.GotoAsync(live.BaseUrl + path);
                await page.EvaluateAsync("document.querySelectorAll('main details').forEach(d => d.open = true)"); // the charts' figures
                var found = await page.EvaluateAsync<Result>(SplitWords);
                if (table && found.Words == 0) failures.Add($"{path} at {width} px: no table found");
                failures.AddRange(found.Failures.Select(f => $"{path} at {width} px: {f}"));
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} split words:\n" + string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task TheOrganiserHeaderIsAtMost80PixelsTallAt1280Pixels()
    {
        using var live = new LiveApp();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.SignInAsync(live.BaseUrl);
        var heights = new List<string>();
        var tallest = 0.0;
        foreach (var (path, _) in Pages)
        {
            await page.GotoAsync(live.BaseUrl + path);
            var height = await page.EvaluateAsync<double>("document.querySelector('header').getBoundingClientRect().height");
            if (height > 80) heights.Add($"{path}: {height} px");
            tallest = Math.Max(tallest, height);
        }
        output.WriteLine($"the tallest organiser header at 1280 px: {tallest} px");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(live.BaseUrl + "/organisers/attendees");
        output.WriteLine($"at 390 px: {await page.EvaluateAsync<double>("document.querySelector('header').getBoundingClientRect().height")} px of 844");
        Assert.True(heights.Count == 0, "headers over 80 px at 1280 px:\n" + string.Join("\n", heights));
    }

    [SkippableFact]
    public async Task AxeCoreFindsNoViolationOnTheOrganiserPagesOnAPhoneWithTheMenuOpenNorInTheDarkPalette()
    {
        using var live = new LiveApp(BackofficeSeed.Settings);
        await BackofficeSeed.SeedAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        // The pages with tables (blocks or scrolling boxes on a phone, badges in both palettes) and the home.
        foreach (var (width, scheme) in new[] { (390, ColorScheme.Light), (1280, ColorScheme.Dark) })
        {
            var context = await browser.NewContextAsync(new() { Locale = "fr-FR", ColorScheme = scheme, ViewportSize = new() { Width = width, Height = 844 } });
            await using var ___ = context;
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.SignInAsync(live.BaseUrl);
            foreach (var (path, _) in Pages.Where(p => p.Table || p.Path == "/organisers"))
            {
                await page.GotoAsync(live.BaseUrl + path);
                await Browser.AssertNoAccessibilityViolationsAsync(page);
            }
            if (width == 390)
            {
                await page.Locator("header summary").ClickAsync();
                await Assertions.Expect(page.Locator("#signout")).ToBeVisibleAsync();
                await Browser.AssertNoAccessibilityViolationsAsync(page);
            }
        }
    }

    [SkippableFact]
    public async Task TheAttendeeListWithFiftyRowsWeighsAtMostThirtyKilobytesCompressedAndAsksNothingOfAnotherSite()
    {
        using var live = new LiveApp(BackofficeSeed.Settings);
        await BackofficeSeed.SeedAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.SignInAsync(live.BaseUrl);
        // A context with the same session and an empty cache: the weight of a first visit.
        var fresh = await browser.NewContextAsync(new() { Locale = "fr-FR", StorageState = await page.Context.StorageStateAsync() });
        await using var ___ = fresh;
        var list = await fresh.NewPageAsync();
        var traffic = Browser.Traffic.Watch(list);
        await list.GotoAsync(live.BaseUrl + "/organisers/attendees", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(50, await list.Locator("main tbody tr").CountAsync());
        var kilobytes = Math.Round(traffic.Bytes / 1024.0, 1);
        output.WriteLine($"/organisers/attendees, 50 rows: {kilobytes} KB in {traffic.Urls.Count} requests");
        Assert.All(traffic.Urls, u => Assert.StartsWith(live.BaseUrl, u));
        Assert.True(kilobytes <= 30, $"{kilobytes} KB in {traffic.Urls.Count} requests");
    }

    private sealed class Result
    {
        public int Words { get; set; }
        public string[] Failures { get; set; } = [];
    }
}
