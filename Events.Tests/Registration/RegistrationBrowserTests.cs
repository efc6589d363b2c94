using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Registration;

/// <summary>The public pages in Debian's Chromium: weight, no third party, structure, axe-core.</summary>
public sealed class RegistrationBrowserTests
{
    [SkippableTheory]
    [InlineData("/")]
    [InlineData("/privacy")]
    [InlineData("/agenda")]
    [InlineData("/legal")]
    [InlineData("/accessibility")]
    [InlineData("/eco-design")]
    public async Task PublicPageIsLightSelfContainedAndAccessible(string path)
    {
        using var live = new LiveApp();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();
        var traffic = Browser.Traffic.Watch(page);

        await page.GotoAsync(live.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.All(traffic.Urls, u => Assert.StartsWith(live.BaseUrl, u));
        Assert.True(traffic.Bytes <= 30 * 1024, $"{path}: {traffic.Bytes} bytes transferred");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        foreach (var input in await page.Locator("input:not([type=hidden]), textarea, select").AllAsync())
        {
            var id = await input.GetAttributeAsync("id");
            var labelled = id is not null && await page.Locator($"label[for='{id}']").CountAsync() > 0
                           || await input.EvaluateAsync<bool>("e => e.closest('label') !== null");
            Assert.True(labelled, $"{path}: input {id} has no label");
        }
        await Browser.AssertNoAccessibilityViolationsAsync(page);
    }

    [SkippableFact]
    public async Task RegisteringWithTheKeyboardAloneWorksAndErrorsAreAccessible()
    {
        using var live = new LiveApp();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(); // the public pages ship no script at all
        await page.GotoAsync(live.BaseUrl + "/");

        await page.Locator("#firstName").FillAsync("Hedy");
        await page.Locator("#email").FillAsync("hedy@");
        await page.Locator("button[type=submit]", new() { HasText = "Je m'inscris" }).ClickAsync();
        await Browser.AssertNoAccessibilityViolationsAsync(page); // the page with errors too
        Assert.Equal("true", await page.Locator("#email").GetAttributeAsync("aria-invalid"));

        await page.Locator("#lastName").FillAsync("Lamarr");
        await page.Locator("#email").FillAsync("hedy@example.org");
        await page.Locator("#consent").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab"); // the privacy link inside the label
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync("**/registered/**");
        Assert.Contains("confirmée", await page.Locator("[role=status]").InnerTextAsync());
    }
}
