using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Screens;

/// <summary>
/// Writes the screenshots of docs/screens/ (home, confirmation, ticket, door verdict, dashboard, at 320 and 1280 px;
/// every organiser page at 390 and 1280 px in docs/screens/organisers/), shown in the README. Not a check: it runs only
/// when asked, with <c>EVENTS_SCREENS=1 dotnet test Events.Tests --filter FullyQualifiedName~Screenshot</c>
/// (<c>EVENTS_SCREENS_DIR</c> writes them to another folder instead, to compare before and after a change, and
/// <c>EVENTS_SCREENS_SCHEME=dark</c> takes the organiser pages in the dark palette).
/// </summary>
public sealed class ScreenshotTests
{
    [SkippableFact]
    public async Task WriteTheScreenshotsOfTheKeyScreens()
    {
        var folder = Folder();

        using var live = new LiveApp();
        var ticket = await live.TicketAsync("Ada", "Lovelace");
        var manage = live.App.ManageCodeOf(ticket);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        foreach (var width in new[] { 320, 1280 })
        {
            var context = await browser.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = width, Height = width == 320 ? 640 : 800 } });
            await using var ___ = context;
            var page = await context.NewPageAsync();
            async Task Shot(string name) => await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = width == 1280 });
            await page.GotoAsync(live.BaseUrl + "/");
            await Shot("home");
            await page.GotoAsync(live.BaseUrl + $"/registered/{manage}");
            await Shot("confirmation");
            await page.GotoAsync(live.BaseUrl + $"/ticket/{ticket}");
            await Shot("ticket");
            await page.SignInAsync(live.BaseUrl);
            await page.GotoAsync(live.BaseUrl + "/door/scan");
            await page.Locator("#code").FillAsync(ticket);
            await page.Locator("#code").PressAsync("Enter");
            await page.Locator("#verdict .verdict").WaitForAsync();
            await Shot("door-verdict");
            await page.GotoAsync(live.BaseUrl + "/organisers/dashboard");
            await Shot("dashboard");
        }
    }

    [SkippableFact]
    public async Task WriteTheScreenshotsOfTheOrganiserPages()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder(), "organisers")).FullName;
        using var live = new LiveApp(Organisers.BackofficeSeed.Settings);
        await Organisers.BackofficeSeed.SeedAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        foreach (var width in new[] { 390, 1280 })
        {
            // Light, as committed; EVENTS_SCREENS_SCHEME=dark to look at the dark palette (into EVENTS_SCREENS_DIR).
            var scheme = Environment.GetEnvironmentVariable("EVENTS_SCREENS_SCHEME") == "dark" ? ColorScheme.Dark : ColorScheme.Light;
            var context = await browser.NewContextAsync(new() { Locale = "fr-FR", ColorScheme = scheme, ViewportSize = new() { Width = width, Height = width == 390 ? 844 : 800 } });
            await using var ___ = context;
            var page = await context.NewPageAsync();
            await page.SignInAsync(live.BaseUrl);
            foreach (var (path, _) in Organisers.OrganiserLayoutBrowserTests.Pages.Where(p => !p.Path.Contains('?')).Append(("/organisers/attendees/1", false)))
            {
                await page.GotoAsync(live.BaseUrl + path);
                var name = path == "/organisers" ? "home"
                    : (path.StartsWith("/door") ? path[1..] : path["/organisers/".Length..]).Replace('/', '-').Replace("?status=", "-");
                // The whole page, up to two screens' height: enough to judge the layout without megabytes of rows.
                var height = Math.Min(await page.EvaluateAsync<int>("document.documentElement.scrollHeight"), width == 390 ? 844 * 2 : 1600);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true, Clip = new() { X = 0, Y = 0, Width = width, Height = height } });
            }
            if (width == 390)
            {
                await page.GotoAsync(live.BaseUrl + "/organisers");
                await page.Locator("header summary").ClickAsync(); // the folded menu, open
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "home-menu-390.png") });
            }
        }
    }

    private static string Folder()
    {
        var chosen = Environment.GetEnvironmentVariable("EVENTS_SCREENS_DIR");
        Skip.If(Environment.GetEnvironmentVariable("EVENTS_SCREENS") != "1" && chosen is null, "set EVENTS_SCREENS=1 to write docs/screens/");
        return Directory.CreateDirectory(chosen ?? Path.Combine(Architecture.Source.Root, "docs", "screens")).FullName;
    }
}
