using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Events.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Microsoft.Playwright (no browser download). Without /usr/bin/chromium the browser
/// tests are skipped with that reason, except under <c>EVENTS_REQUIRE_BROWSER=1</c> (CI), where they fail.
/// </summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static void SkipIfMissing()
    {
        if (File.Exists(Chromium)) return;
        if (Environment.GetEnvironmentVariable("EVENTS_REQUIRE_BROWSER") == "1")
            throw new InvalidOperationException($"{Chromium} is missing and EVENTS_REQUIRE_BROWSER=1: install it with 'apt-get install -y chromium'.");
        Skip.If(true, $"{Chromium} not found: install Debian's chromium to run browser tests.");
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        SkipIfMissing();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", .. extraArgs],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A context of its own (to go offline or grant the camera) and its page, in French as the tests read the French
    /// texts (the app follows Accept-Language); the page gives up after 15 s.
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page)> OpenContextAsync(this IBrowser browser)
    {
        var context = await browser.NewContextAsync(new() { Locale = "fr-FR" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return (context, page);
    }

    /// <summary>A page that gives up after 15 s instead of hanging the run.</summary>
    public static async Task<IPage> OpenPageAsync(this IBrowser browser, BrowserNewPageOptions? options = null)
    {
        options ??= new();
        options.Locale ??= "fr-FR";
        var page = await browser.NewPageAsync(options);
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Signs in on the organiser sign-in page as the tests' admin; lands on the organiser home.</summary>
    public static async Task SignInAsync(this IPage page, string baseUrl, string email = EventsApp.AdminEmail, string password = EventsApp.AdminPassword)
    {
        await page.GotoAsync(baseUrl + "/organisers/signin");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/organisers");
    }

    /// <summary>
    /// Waits until the page at <paramref name="urlGlob"/> is parsed, polling the URL and the document's own state. Not
    /// <c>WaitForURLAsync</c>: when the URL already matches it ignores <c>WaitUntil = Commit</c> and waits for a load
    /// event that has already passed (microsoft/playwright-dotnet#3365), so a fast redirect after a form post timed
    /// out on a page that was there (CI, and here: "waited for **/speakers; the page is at …/speakers").
    /// </summary>
    public static async Task WaitForPageAsync(this IPage page, string urlGlob)
    {
        // 30 s: a form post on a machine whose two cores run the whole suite (password hashing included) can be slow.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(urlGlob)
            .Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$");
        while (true)
        {
            if (pattern.IsMatch(page.Url))
            {
                try
                {
                    if (await page.EvaluateAsync<bool>("document.readyState !== 'loading'")) return;
                }
                catch (PlaywrightException)
                {
                    // The document went away under the evaluation (a navigation is still under way): look again.
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                // Say where the page is instead, so a failure in CI can be understood from its log.
                var title = await page.TitleAsync().WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "?");
                throw new TimeoutException($"Waited for {urlGlob}; the page is at {page.Url} (\"{title}\").");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Everything the page fetched: to check weight and that nothing came from another origin.</summary>
    public sealed class Traffic
    {
        public List<string> Urls { get; } = [];
        public long Bytes { get; private set; }

        public static Traffic Watch(IPage page)
        {
            var traffic = new Traffic();
            page.Request += (_, r) => { lock (traffic) traffic.Urls.Add(r.Url); };
            page.RequestFinished += async (_, r) =>
            {
                var sizes = await r.SizesAsync();
                lock (traffic) traffic.Bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            };
            return traffic;
        }
    }

    public static async Task AssertNoAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var problems = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})");
        Assert.True(result.Violations.Length == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", problems));
    }
}
