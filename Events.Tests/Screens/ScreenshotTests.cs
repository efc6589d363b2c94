using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Screens;

/// <summary>
/// Writes the screenshots of docs/screens/ (home, confirmation, ticket, door verdict, dashboard, at 320 and 1280 px),
/// shown in the README. Not a check: it runs only when asked, with
/// <c>EVENTS_SCREENS=1 dotnet test Events.Tests --filter FullyQualifiedName~Screenshot</c>.
/// </summary>
public sealed class ScreenshotTests
{
    [SkippableFact]
    public async Task WriteTheScreenshotsOfTheKeyScreens()
    {
        Skip.If(Environment.GetEnvironmentVariable("EVENTS_SCREENS") != "1", "set EVENTS_SCREENS=1 to write docs/screens/");
        var folder = Directory.CreateDirectory(Path.Combine(Architecture.Source.Root, "docs", "screens")).FullName;

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
}
