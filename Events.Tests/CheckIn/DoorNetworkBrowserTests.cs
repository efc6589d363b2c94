using System.Diagnostics;
using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.CheckIn;

/// <summary>
/// The scanner where the venue's network fails it, in Debian's Chromium: a request accepted and never answered, two
/// tabs offline, a session that ends mid-queue, a sign-out, and another phone's check-in reaching this one.
/// </summary>
public sealed class DoorNetworkBrowserTests
{
    private const string QueuedScans = "() => Object.keys(localStorage).filter(k => k.startsWith('events.door.scan.')).length";

    /// <summary>A phone signed in on the scanner page, its roster loaded; disposing closes the browser.</summary>
    private sealed record Phone(IPlaywright Playwright, IBrowser Browser, IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }

    private static async Task<Phone> OpenScannerAsync(LiveApp live)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        var (context, page) = await browser.OpenContextAsync();
        await page.SignInAsync(live.BaseUrl);
        await OpenScanPageAsync(page, live);
        return new Phone(playwright, browser, context, page);
    }

    private static async Task OpenScanPageAsync(IPage page, LiveApp live)
    {
        await page.GotoAsync(live.BaseUrl + "/door/scan");
        await page.WaitForFunctionAsync("() => localStorage.getItem('events.door.roster') !== null");
    }

    private static async Task TypeCodeAsync(IPage page, string code)
    {
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#code").PressAsync("Enter");
    }

    private static long Count(LiveApp live, string sql, object? args = null)
    {
        using var c = live.App.Db.OpenRead();
        return c.ExecuteScalar<long>(sql, args);
    }

    [SkippableFact]
    public async Task AScanWhoseRequestIsNeverAnsweredGetsThePhonesVerdictWithinTwoSecondsAndReachesTheServerOnce()
    {
        using var live = new LiveApp();
        var ada = await live.TicketAsync("Ada", "Lovelace");
        await using var phone = await OpenScannerAsync(live);
        var (context, page) = (phone.Context, phone.Page);

        // The network takes the scan and never answers: no fulfil, no abort.
        await page.RouteAsync("**/api/v1/checkins", _ => Task.CompletedTask);
        // Timed from the Enter key, as the person at the door counts: typing the code is not the network's wait.
        await page.Locator("#code").FillAsync(ada);
        var watch = Stopwatch.StartNew();
        await page.Locator("#code").PressAsync("Enter");
        var verdict = page.Locator("#verdict .verdict-ok");
        await Assertions.Expect(verdict).ToContainTextAsync("Ada Lovelace", new() { Timeout = 2_000 });
        Assert.True(watch.ElapsedMilliseconds < 2_000, $"verdict after {watch.ElapsedMilliseconds} ms");
        await Assertions.Expect(verdict).ToContainTextAsync("Hors ligne");
        Assert.Equal(1, await page.EvaluateAsync<int>(QueuedScans));
        Assert.Equal(0, Count(live, "SELECT COUNT(*) FROM checkin_scans"));

        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await page.WaitForFunctionAsync(QueuedScans + " === 0", null, new() { Timeout = 15_000 });
        Assert.Equal(1, Count(live, "SELECT COUNT(*) FROM checkins"));
        Assert.Equal(1, Count(live, "SELECT COUNT(*) FROM checkin_scans WHERE code = @hash", new { hash = Events.Api.Security.SecretCode.Hash(ada) }));
    }

    [SkippableFact]
    public async Task TwoTabsQueueOfflineAndEveryScanReachesTheServer()
    {
        using var live = new LiveApp();
        var codes = new[] { await live.TicketAsync("Ada", "Lovelace"), await live.TicketAsync("Grace", "Hopper"), await live.TicketAsync("Hedy", "Lamarr") };
        await using var phone = await OpenScannerAsync(live);
        var (context, first) = (phone.Context, phone.Page);
        var second = await context.NewPageAsync();
        second.SetDefaultTimeout(15_000);
        await OpenScanPageAsync(second, live);

        await context.SetOfflineAsync(true);
        await TypeCodeAsync(first, codes[0]);
        await TypeCodeAsync(second, codes[1]);
        await TypeCodeAsync(first, codes[2]);
        await Assertions.Expect(second.Locator("#queue")).ToHaveTextAsync("3 scans en attente d'envoi"); // the other tab's scans too
        Assert.Equal(0, Count(live, "SELECT COUNT(*) FROM checkins"));

        await context.SetOfflineAsync(false);
        await first.WaitForFunctionAsync(QueuedScans + " === 0", null, new() { Timeout = 15_000 });
        Assert.Equal(3, Count(live, "SELECT COUNT(*) FROM checkins"));
        Assert.Equal(3, Count(live, "SELECT COUNT(*) FROM checkin_scans"));
    }

    [SkippableFact]
    public async Task ASyncAnswered401KeepsTheQueueUntilTheVolunteerSignsInAgain()
    {
        using var live = new LiveApp();
        var ada = await live.TicketAsync("Ada", "Lovelace");
        await using var phone = await OpenScannerAsync(live);
        var (context, page) = (phone.Context, phone.Page);

        await context.SetOfflineAsync(true);
        await TypeCodeAsync(page, ada);
        await context.ClearCookiesAsync(); // the session is gone
        await context.SetOfflineAsync(false);

        var again = page.Locator("#signin-again");
        await Assertions.Expect(again).ToBeVisibleAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>(QueuedScans));
        Assert.Equal(0, Count(live, "SELECT COUNT(*) FROM checkin_scans"));

        await again.GetByRole(AriaRole.Link).ClickAsync();
        await page.Locator("#email").FillAsync(EventsApp.AdminEmail);
        await page.Locator("#password").FillAsync(EventsApp.AdminPassword);
        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("**/door/scan");
        await page.WaitForFunctionAsync(QueuedScans + " === 0", null, new() { Timeout = 15_000 });
        Assert.Equal(1, Count(live, "SELECT COUNT(*) FROM checkins"));
    }

    [SkippableFact]
    public async Task SigningOutWipesTheRosterAndKeepsOnlyTheScansNotYetSent()
    {
        using var live = new LiveApp();
        var ada = await live.TicketAsync("Ada", "Lovelace");
        await using var phone = await OpenScannerAsync(live);
        var (context, page) = (phone.Context, phone.Page);

        await page.RouteAsync("**/api/v1/checkins**", route => route.AbortAsync()); // the venue network drops scans
        await TypeCodeAsync(page, ada);
        await page.Locator("#verdict .verdict-continue").ClickAsync();
        await page.Locator("#signout").ClickAsync();
        var note = page.Locator("#signout-note");
        await Assertions.Expect(note).ToContainTextAsync("1 scan n'a pas encore atteint le serveur");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('events.door.roster')"));

        await page.Locator("#signout").ClickAsync(); // "sign out anyway"
        await page.WaitForPageAsync("**/organisers/signin");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('events.door.roster')"));
        var kept = await page.EvaluateAsync<string>("() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('events.door.')))");
        Assert.Contains(ada, kept);
        Assert.DoesNotContain("Lovelace", kept); // codes only, no names
        await page.WaitForFunctionAsync("() => caches.keys().then(k => k.every(n => !n.startsWith('events-door-')))"); // the kept pages too
    }

    [SkippableFact]
    public async Task AnotherPhonesCheckInReachesThisPhoneAsADeltaAndItsOfflineVerdictSaysAlreadyIn()
    {
        using var live = new LiveApp();
        var ada = await live.TicketAsync("Ada", "Lovelace");
        await live.TicketAsync("Grace", "Hopper");
        await using var phone = await OpenScannerAsync(live);
        var (context, page) = (phone.Context, phone.Page);
        var rosterRequests = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/v1/checkins/roster")) lock (rosterRequests) rosterRequests.Add(r.Url); };

        using (var otherPhone = new HttpClient { BaseAddress = new Uri(live.BaseUrl) })
        {
            (await otherPhone.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword })).EnsureSuccessStatusCode();
            (await otherPhone.PostAsJsonAsync("/api/v1/checkins", new { code = ada, device = "Porte 2" })).EnsureSuccessStatusCode();
        }
        var delta = page.WaitForResponseAsync(r => r.Url.Contains("/roster?since="));
        await page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))"); // back to the app
        var answer = await (await delta).JsonAsync();
        var changed = answer!.Value.GetProperty("attendees");
        Assert.Equal(1, changed.GetArrayLength());
        Assert.False(answer.Value.GetProperty("full").GetBoolean());

        await context.SetOfflineAsync(true);
        await TypeCodeAsync(page, ada);
        await Assertions.Expect(page.Locator("#verdict .verdict-warn")).ToContainTextAsync("Entrée déjà enregistrée");
        await Assertions.Expect(page.Locator("#verdict .verdict-warn")).ToContainTextAsync("Porte 2");
        Assert.DoesNotContain(rosterRequests, u => !u.Contains("since=")); // the full roster came once, before we watched
    }

    [SkippableFact]
    public async Task TheVerdictTakesTheFocusAndGivesItBackAndTheCameraBoxShowsOnlyWhileItRuns()
    {
        using var live = new LiveApp();
        var ada = await live.TicketAsync("Ada", "Lovelace");
        await using var phone = await OpenScannerAsync(live);
        var (context, page) = (phone.Context, phone.Page);

        await Assertions.Expect(page.Locator("#video")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.getElementById('device').compareDocumentPosition(document.getElementById('code')) & Node.DOCUMENT_POSITION_FOLLOWING)"));

        await TypeCodeAsync(page, ada);
        await Assertions.Expect(page.Locator("#verdict .verdict-continue")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#verdict .verdict")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#code")).ToBeFocusedAsync();
    }
}
