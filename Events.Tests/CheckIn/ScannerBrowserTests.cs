using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.CheckIn;

/// <summary>The door scanner in Debian's Chromium, fed a real ticket QR through the fake camera.</summary>
public sealed class ScannerBrowserTests
{
    [SkippableFact]
    public async Task TheCameraScansATicketQrToAWelcomeAndAnOfflineScanIsQueuedThenSynced()
    {
        using var live = new LiveApp();
        var ada = await live.TicketAsync("Ada", "Lovelace");
        var grace = await live.TicketAsync("Grace", "Hopper");
        var video = Path.Combine(live.App.Folder, "ticket.y4m");
        Tickets.WriteY4m(video, ada);
        var (playwright, browser) = await Browser.LaunchAsync(
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={video}");
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;
        await context.GrantPermissionsAsync(["camera"], new() { Origin = live.BaseUrl });

        await page.SignInAsync(live.BaseUrl);
        await page.Locator("main a[href='/door/scan']").ClickAsync(); // one tap from the organiser home (the menu has it too)
        await page.EvaluateAsync("() => navigator.serviceWorker.ready.then(() => true)");
        await page.Locator("#start").ClickAsync();

        var welcome = page.Locator("#verdict .verdict-ok");
        await Assertions.Expect(welcome).ToContainTextAsync("Bienvenue, Ada Lovelace (Analytical Engines)");
        Assert.Equal("status", await page.Locator("#verdict").GetAttributeAsync("role"));
        await Assertions.Expect(page.Locator("#counter")).ToContainTextAsync("Arrivées / places confirmées\u00A0: 1 / 2");
        await welcome.ClickAsync(); // a tap resumes
        await page.Locator("#stop").ClickAsync();

        // The phone keeps names and hashes: a lost phone carries no ticket that would open the door.
        var kept = await page.EvaluateAsync<string>("() => localStorage.getItem('events.door.roster')");
        Assert.Contains("Hopper", kept);
        Assert.DoesNotContain(grace, kept);
        Assert.DoesNotContain(ada, kept);

        await context.SetOfflineAsync(true);
        await page.ReloadAsync(); // the service worker serves the page and its script without a network
        await page.Locator("#code").FillAsync(grace.ToLowerInvariant());
        await page.Locator("#code").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#verdict .verdict-ok")).ToContainTextAsync("Grace Hopper"); // from the cached roster
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync("1 scan en attente d'envoi");
        using (var c = live.App.Db.OpenRead())
            Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#counter")).ToContainTextAsync("Arrivées / places confirmées\u00A0: 2 / 2", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#queue")).ToBeEmptyAsync();
        using (var c = live.App.Db.OpenRead())
            Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
    }

    [SkippableFact]
    public async Task OfflineTheNameSearchUsesTheRosterOnThePhoneAndQueuesTheCheckIn()
    {
        using var live = new LiveApp();
        await live.TicketAsync("Ada", "Lovelace");
        await live.TicketAsync("Éloïse", "Durand");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;
        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/door/scan");
        await page.WaitForFunctionAsync("() => localStorage.getItem('events.door.roster') !== null");

        await context.SetOfflineAsync(true);
        await page.Locator("#q").FillAsync("elo"); // accents and case do not matter
        await page.Locator("#q").PressAsync("Enter");
        var results = page.Locator("#offline-results");
        await Assertions.Expect(results).ToContainTextAsync("Hors ligne");
        await Assertions.Expect(results.Locator("li")).ToHaveCountAsync(1);
        await results.GetByRole(AriaRole.Button, new() { Name = "Valider l'entrée de Éloïse Durand" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict .verdict-ok")).ToContainTextAsync("Éloïse Durand");
        await Assertions.Expect(page.Locator("#queue")).ToHaveTextAsync("1 scan en attente d'envoi");
        using (var c = live.App.Db.OpenRead())
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));

        await Assertions.Expect(page.Locator("#counter")).ToContainTextAsync("Arrivées / places confirmées\u00A0: 1 / 2"); // counted on the phone

        await context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#queue")).ToBeEmptyAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#counter")).ToContainTextAsync("Arrivées / places confirmées\u00A0: 1 / 2");
        using (var c = live.App.Db.OpenRead())
            Assert.Equal("Durand", c.ExecuteScalar<string>("SELECT r.last_name FROM checkins k JOIN registrations r ON r.id = k.registration_id"));
    }

    [SkippableFact]
    public async Task APersonChosenByNameOnlineIsCheckedInAndUndoneWithoutTheirCodeOnThePhone()
    {
        using var live = new LiveApp();
        await live.TicketAsync("Ada", "Lovelace");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;
        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/door/scan");
        await page.WaitForFunctionAsync("() => localStorage.getItem('events.door.roster') !== null");

        await page.Locator("#q").FillAsync("ada");
        await page.Locator("#q").PressAsync("Enter");
        await page.Locator("#offline-results").GetByRole(AriaRole.Button, new() { Name = "Valider l'entrée de Ada Lovelace" }).ClickAsync();
        await Assertions.Expect(page.Locator("#verdict .verdict-ok")).ToContainTextAsync("Ada Lovelace");
        await Assertions.Expect(page.Locator("#queue")).ToBeEmptyAsync(); // the server answered: nothing queued
        await page.Locator("#verdict .verdict-continue").ClickAsync();
        await page.Locator("#undo").ClickAsync();
        await Assertions.Expect(page.Locator("#verdict")).ToContainTextAsync("Entrée annulée");
        using var c = live.App.Db.OpenRead();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
        Assert.Equal(["accepted", "undone"], c.Query<string>("SELECT outcome FROM checkin_scans ORDER BY id"));
    }

    [SkippableFact]
    public async Task TheScannerPageWithoutItsDecoderWeighsAtMostFortyKilobytes()
    {
        using var live = new LiveApp();
        await live.TicketAsync();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;
        await page.SignInAsync(live.BaseUrl);

        var traffic = Browser.Traffic.Watch(page);
        await page.GotoAsync(live.BaseUrl + "/door/scan", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.All(traffic.Urls, u => Assert.StartsWith(live.BaseUrl, u));
        Assert.DoesNotContain(traffic.Urls, u => u.Contains("jsQR"));
        Assert.True(traffic.Bytes <= 40 * 1024, $"/door/scan: {traffic.Bytes} bytes transferred");
    }
}
