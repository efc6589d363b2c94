using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Agenda;

/// <summary>The agenda pages in Debian's Chromium: weight with 30 sessions, nothing from elsewhere, axe-core.</summary>
public sealed class AgendaBrowserTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Formats = ["keynote", "talk", "round_table", "workshop"];

    /// <summary>A realistic agenda: 30 sessions in 3 rooms over the morning, 20 speakers with bios.</summary>
    private static async Task<(long Session, long Speaker)> SeedThirtySessionsAsync(EventsApp app)
    {
        var rooms = new List<long>();
        foreach (var name in new[] { "Amphithéâtre", "Salle Seine", "Salle Robec" }) rooms.Add(await app.AddRoomAsync(name));
        var speakers = new List<long>();
        for (var i = 0; i < 20; i++) speakers.Add(await app.InviteAsync($"Intervenante Numéro {i + 1}", $"speaker{i}@example.org"));
        var first = 0L;
        for (var i = 0; i < 30; i++)
        {
            var slot = i / 3;  // ten slots of 20 minutes from 08:40, three rooms each
            var start = new DateTime(2027, 6, 26, 8, 40, 0).AddMinutes(20 * slot);
            var id = await app.AddSessionAsync($"Session {i + 1} : pratiques numériques responsables et accessibles",
                start.ToString("yyyy-MM-dd'T'HH:mm"), start.AddMinutes(20).ToString("yyyy-MM-dd'T'HH:mm"), rooms[i % 3],
                [speakers[i % 20]], Formats[i % 4], i % 5 == 0 ? "en" : "fr");
            if (i == 0) first = id;
        }
        await app.PublishAsync();
        return (first, speakers[0]);
    }

    [SkippableFact]
    public async Task TheAgendaWithThirtySessionsIsLightSelfContainedAndAccessible()
    {
        using var live = new LiveApp();
        var (session, speaker) = await SeedThirtySessionsAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        foreach (var path in new[] { "/agenda", "/agenda?format=talk", $"/agenda/sessions/{session}", $"/agenda/speakers/{speaker}" })
        {
            var page = await browser.OpenPageAsync(new() { JavaScriptEnabled = true });
            var traffic = Browser.Traffic.Watch(page);
            await page.GotoAsync(live.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });

            Assert.All(traffic.Urls, u => Assert.StartsWith(live.BaseUrl, u));
            output.WriteLine($"{path}: {traffic.Bytes} bytes transferred");
            Assert.True(traffic.Bytes <= 30 * 1024, $"{path}: {traffic.Bytes} bytes transferred");
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.Equal(0, await page.Locator("script").CountAsync());
            await Browser.AssertNoAccessibilityViolationsAsync(page);
            await page.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task TheAgendaIsAListAScreenReaderCanWalk()
    {
        using var live = new LiveApp();
        await SeedThirtySessionsAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { JavaScriptEnabled = false }); // the agenda needs no script
        await page.GotoAsync(live.BaseUrl + "/agenda");

        Assert.Equal(10, await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).CountAsync());
        Assert.Equal(30, await page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 3 }) }).CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Conférence", Exact = true }).ClickAsync();
        Assert.EndsWith("/agenda?format=talk", page.Url);
        Assert.Equal(8, await page.Locator("main ul.sessions > li").CountAsync()); // sessions 2, 6, 10 … 30
    }

    [SkippableFact]
    public async Task TheEditorAndTheSpeakerPortalPassAxeToo()
    {
        using var live = new LiveApp();
        var room = await live.App.AddRoomAsync("Amphi");
        var ada = await live.App.InviteAsync("Ada Lovelace", "ada@example.org");
        var session = await live.App.AddSessionAsync("Machine analytique", "2027-06-26T09:00", "2027-06-26T10:00", room, [ada]);
        await live.App.AddSessionAsync("Conflit", "2027-06-26T09:30", "2027-06-26T10:00", room, [ada]);
        await live.App.Access().RequestSignInLinkAsync("ada@example.org");
        var link = (await live.App.LatestMailAsync("ada@example.org", Api.Agenda.SpeakerMailKind.SignIn))!.Link;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;

        var admin = await browser.OpenPageAsync();
        await admin.GotoAsync(live.BaseUrl + "/organisers/signin");
        await admin.Locator("#email").FillAsync(EventsApp.AdminEmail);
        await admin.Locator("#password").FillAsync(EventsApp.AdminPassword);
        await admin.Locator("main button[type=submit]").ClickAsync();
        await admin.WaitForPageAsync("**/organisers");
        foreach (var path in new[] { "/organisers/agenda", "/organisers/agenda/rooms", "/organisers/agenda/speakers" })
        {
            await admin.GotoAsync(live.BaseUrl + path);
            await Browser.AssertNoAccessibilityViolationsAsync(admin);
        }

        var speaker = await browser.OpenPageAsync();
        await speaker.GotoAsync(live.BaseUrl + new Uri(link).AbsolutePath);
        await Browser.AssertNoAccessibilityViolationsAsync(speaker);
        await speaker.Locator("main button[type=submit]").ClickAsync();
        await speaker.WaitForPageAsync("**/speakers");
        foreach (var path in new[] { "/speakers", "/speakers/profile", $"/speakers/sessions/{session}", "/speakers/signin" })
        {
            await speaker.GotoAsync(live.BaseUrl + path);
            await Browser.AssertNoAccessibilityViolationsAsync(speaker);
        }
    }
}
