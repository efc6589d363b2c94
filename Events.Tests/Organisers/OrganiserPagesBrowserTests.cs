using System.Text.Json;
using Dapper;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Playwright;

namespace Events.Tests.Organisers;

/// <summary>axe-core on every organiser page, in the states people see them (errors, results, a verdict on screen).</summary>
public sealed class OrganiserPagesBrowserTests
{
    [SkippableFact]
    public async Task BackAfterOpeningSomeoneFromASearchShowsTheResultsAgain()
    {
        using var live = new LiveApp();
        await live.TicketAsync("Ada", "Lovelace");
        await live.TicketAsync("Grace", "Hopper");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;
        await page.GotoAsync(live.BaseUrl + "/organisers/signin");
        await page.Locator("#email").FillAsync(EventsApp.AdminEmail);
        await page.Locator("#password").FillAsync(EventsApp.AdminPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/organisers");

        await page.GotoAsync(live.BaseUrl + "/organisers/attendees");
        await page.Locator("#q").FillAsync("lovel");
        await page.Locator("#q").PressAsync("Enter");
        await page.WaitForPageAsync("**/organisers/attendees*search=*");
        Assert.DoesNotContain("lovel", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.Locator("tbody th a", new() { HasText = "Lovelace" }).ClickAsync();
        await page.WaitForPageAsync("**/organisers/attendees/*");

        await page.GoBackAsync(); // the organiser's most common loop: search, open a person, Back
        await Assertions.Expect(page.Locator("tbody th a")).ToHaveTextAsync(["Lovelace Ada"]);
        await Assertions.Expect(page.Locator("#q")).ToHaveValueAsync("lovel");
        await page.ReloadAsync(); // and a reload asks nothing either
        await Assertions.Expect(page.Locator("tbody th a")).ToHaveTextAsync(["Lovelace Ada"]);
    }

    [SkippableFact]
    public async Task AxeCoreFindsNoViolationOnAnyOrganiserPage()
    {
        using var live = new LiveApp();
        var code = await live.TicketAsync("Ada", "Lovelace");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;
        var checkedPages = new List<string>();
        async Task Check(string what)
        {
            await Browser.AssertNoAccessibilityViolationsAsync(page);
            checkedPages.Add(what);
        }

        await page.GotoAsync(live.BaseUrl + "/organisers/signin");
        await Check("sign-in");
        await page.Locator("#email").FillAsync(EventsApp.AdminEmail);
        await page.Locator("#password").FillAsync("wrong password!");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Check("sign-in with error");
        await page.Locator("#password").FillAsync(EventsApp.AdminPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/organisers");
        await Check("organiser home");

        await page.GotoAsync(live.BaseUrl + "/organisers/attendees");
        await page.Locator("#q").FillAsync("Lov");
        await page.Locator("#q").PressAsync("Enter");
        await page.Locator("main p", new() { HasText = "Lov" }).First.WaitForAsync(); // the page of results, not the one before
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("1");
        await Check("attendee list with search results");

        await page.GotoAsync(live.BaseUrl + "/door/walk-in");
        await page.Locator("#email").FillAsync("not-an-address");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        await Check("walk-in with errors");

        await page.GotoAsync(live.BaseUrl + "/organisers/message");
        await Check("write to attendees");

        await page.GotoAsync(live.BaseUrl + "/organisers/event");
        await page.Locator("#capacity").FillAsync("-1");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#capacity-error")).ToBeVisibleAsync();
        await Check("event settings with an error");

        await page.GotoAsync(live.BaseUrl + "/organisers/staff");
        await Check("team");
        await page.Locator("#email").FillAsync("door@example.org");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("door@example.org");
        await Check("team after an invitation");
        await page.Locator("#email").FillAsync("late@example.org");
        await page.Locator("main form:has(#email) button[type=submit]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuler l'invitation\u00A0: late@example.org" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("est annulée");
        await Check("team after withdrawing an invitation");

        await page.GotoAsync(live.BaseUrl + "/door/scan");
        await page.Locator("#q").FillAsync("Lov");
        await page.Locator("#search-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".results")).ToContainTextAsync("Lovelace");
        await Check("scanner with search results");
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#code").PressAsync("Enter");
        await page.Locator("#verdict .verdict-ok").HoverAsync(); // keeps it on screen while axe reads it
        await Check("scanner with a verdict on screen");
        await page.Locator("#verdict .verdict-continue").ClickAsync();
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#code").PressAsync("Enter");
        await page.Locator("#verdict .verdict-warn").HoverAsync();
        await Assertions.Expect(page.Locator("#verdict .verdict-warn")).ToContainTextAsync("Entrée déjà enregistrée");
        await Check("scanner with an already-checked-in verdict");

        await page.GotoAsync(live.BaseUrl + "/organisers/dashboard");
        foreach (var details in await page.Locator("figure details").AllAsync()) await details.Locator("summary").ClickAsync();
        await Check("dashboard with its charts' data open");
        foreach (var path in new[] { "/organisers/needs", "/organisers/attendees/print", "/organisers/badges?qr=1" })
        {
            await page.GotoAsync(live.BaseUrl + path);
            await Check(path);
        }

        await page.GotoAsync(live.BaseUrl + "/organisers/denied");
        await Check("denied");

        var link = (await live.App.LinkSentToAsync("door@example.org", "/organisers/invitation/"))!;
        var (anonymous, visitor) = await browser.OpenContextAsync();
        await using var ____ = anonymous;
        page = visitor;
        await page.GotoAsync(live.BaseUrl + new Uri(link).AbsolutePath);
        await Check("invitation");
        await page.Locator("#password").FillAsync("short");
        await page.Locator("main button[type=submit]").ClickAsync();
        await Check("invitation with error");
        await page.GotoAsync(live.BaseUrl + "/organisers/setup/ABCDEFGHJKLMNPQRSTUVWXYZ2345");
        await Check("setup link expired");

        Assert.Equal(21, checkedPages.Count);
    }
}
