using System.Net.Http.Json;
using Events.Api.Agenda;
using Events.Tests.Agenda;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Platform;

/// <summary>
/// What a screen reader's and a phone's habits need, in Chromium: after a failed form the focus is on the summary and
/// its links show the field with its label; no page scrolls sideways at 320 px (WCAG 1.4.10, the equivalent of 400 %
/// zoom) nor at 200 % zoom of a 1280 px window (640 CSS px at 2 device pixels each, where other layout rules apply),
/// with the longest names, addresses and tables, even under the text spacing of WCAG 1.4.12.
/// </summary>
public sealed class ConformanceBrowserTests
{
    [SkippableFact]
    public async Task AfterAFailedSubmitTheFocusIsOnTheSummaryAndItsLinksShowTheFieldWithItsLabel()
    {
        using var live = new LiveApp();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 360, Height = 640 } });
        await page.GotoAsync(live.BaseUrl + "/");

        await page.Locator("main button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#error-summary");
        Assert.StartsWith("Erreur", await page.TitleAsync());
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.id"));
        await Browser.AssertNoAccessibilityViolationsAsync(page);

        foreach (var field in new[] { "email", "consent" })
        {
            await page.Locator($"#error-summary a[href='#{field}']").ClickAsync();
            await page.WaitForFunctionAsync($"location.hash === '#{field}'");
            var box = await page.EvaluateAsync<double[]>($$"""
                () => { const f = document.getElementById('{{field}}'); const l = document.querySelector("label[for='{{field}}']");
                        return [l.getBoundingClientRect().top, f.getBoundingClientRect().bottom, innerHeight]; }
                """);
            Assert.True(box[0] >= 0 && box[1] <= box[2], $"#{field}: label at {box[0]} px, field ends at {box[1]} px, screen {box[2]} px");
            await page.GoBackAsync();
        }
    }

    [SkippableFact]
    public async Task NoPageScrollsSidewaysAt320PixelsOrAt200PercentZoomWithLongContentEvenWithWiderTextSpacing()
    {
        using var live = new LiveApp();
        var app = live.App;
        const string longWord = "Anticonstitutionnellement-interministériellement";
        using var api = new HttpClient { BaseAddress = new Uri(live.BaseUrl) };
        var registered = await api.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName = "Maximilienne-Héloïse-Wilhelmina", lastName = "De La Tour d'Auvergne-Lauraguais-" + longWord,
            email = "maximilienne.heloise.de-la-tour-dauvergne-lauraguais@administration-territoriale.example.org",
            organisation = "Direction interministérielle du numérique et des systèmes d'information et de communication", consent = true,
        });
        var created = (await registered.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<EventsApp.Created>())!;
        var ticket = app.TicketCodeOf(created.ManageCode);
        var room = await app.AddRoomAsync("Grand amphithéâtre " + longWord);
        const string speakerEmail = "jean-baptiste.de-la-salle-montgolfier@universite-de-rouen-normandie.example.org";
        var speaker = await app.InviteAsync("Jean-Baptiste de La Salle-Montgolfier " + longWord, speakerEmail);
        var session = await app.AddSessionAsync("Sobriété et accessibilité des services publics numériques " + longWord,
            "2027-06-26T09:00", "2027-06-26T10:00", room, [speaker]);
        await app.PublishAsync();
        await app.CreateOrganiserAsync("benevole.accueil.porte-principale@administration-territoriale.example.org", "door");
        await app.Access().RequestSignInLinkAsync(speakerEmail);
        var speakerToken = AgendaKit.TokenOf((await app.LatestMailAsync(speakerEmail, SpeakerMailKind.SignIn))!.Link);

        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var failures = new List<string>();
        (int Width, float Zoom, bool Spacing)[] rounds = [(320, 1f, false), (320, 1f, true), (640, 2f, false)];
        foreach (var (width, zoom, spacing) in rounds)
        {
            // Text spacing is injected as a style element, which the app's CSP refuses: this context alone bypasses it.
            var context = await browser.NewContextAsync(new()
            {
                Locale = "fr-FR", ViewportSize = new() { Width = width, Height = 640 }, DeviceScaleFactor = zoom, BypassCSP = spacing,
            });
            await using var ___ = context;
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            async Task Check(string what)
            {
                if (spacing)
                    await page.AddStyleTagAsync(new() { Content = "*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important}p{margin-bottom:2em!important}" });
                var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, innerWidth]");
                if (widths[0] <= widths[1]) return;
                // Name the elements that stick out, so that a failure says where to look.
                var culprits = await page.EvaluateAsync<string[]>("""
                    [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 0.5)
                      .slice(-3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' “' + (e.textContent || '').trim().slice(0, 30) + '”')
                    """);
                failures.Add($"{what}{(spacing ? " (text spacing)" : "")}{(zoom > 1 ? " (200 % zoom)" : "")}: {widths[0]} px wide in {widths[1]} px; sticking out: {string.Join(", ", culprits)}");
            }
            async Task Visit(string path)
            {
                await page.GotoAsync(live.BaseUrl + path);
                await Check(path);
            }

            foreach (var path in new[]
            {
                "/", "/agenda", $"/agenda/sessions/{session}", $"/agenda/speakers/{speaker}", "/privacy", "/legal", "/accessibility", "/eco-design",
                $"/registered/{created.ManageCode}", $"/manage/{created.ManageCode}", $"/manage/{created.ManageCode}?confirm=replace",
                $"/manage/{created.ManageCode}/cancel", $"/ticket/{ticket}", "/organisers/signin", "/speakers/signin", "/no-such-page",
            }) await Visit(path);
            await page.GotoAsync(live.BaseUrl + "/");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForSelectorAsync("#error-summary");
            await Check("/ with errors");

            await page.SignInAsync(live.BaseUrl);
            foreach (var path in new[]
            {
                "/organisers", "/organisers/event", "/organisers/event/new-edition", "/organisers/message", "/organisers/message/history", "/organisers/staff", "/organisers/agenda",
                "/organisers/agenda/rooms", "/organisers/agenda/speakers", "/organisers/agenda/grid", $"/organisers/agenda/confirm/speaker/{speaker}", "/door/walk-in", "/door/scan",
                "/organisers/dashboard", "/organisers/needs", "/organisers/attendees/print", "/organisers/badges?qr=1",
                "/organisers/attendees", "/organisers/activity",
            }) await Visit(path);
            await page.GotoAsync(live.BaseUrl + "/organisers/attendees");
            await page.Locator("tbody th a").First.ClickAsync();
            await page.WaitForPageAsync("**/organisers/attendees/*");
            await Check("/organisers/attendees/{id}");
            await page.GotoAsync(live.BaseUrl + "/organisers/attendees");
            await page.Locator("#q").FillAsync("Maxi");
            await page.Locator("#q").PressAsync("Enter");
            await page.Locator("main p", new() { HasText = "Maxi" }).First.WaitForAsync(); // the page of results, not the one before
            await Check("/organisers/attendees with a search");

            await page.GotoAsync(live.BaseUrl + $"/speakers/link/{speakerToken}");
            await page.Locator("main button[type=submit]").ClickAsync();
            await page.WaitForPageAsync("**/speakers");
            await Check("/speakers");
            await Visit("/speakers/profile");
            await Visit($"/speakers/sessions/{session}");
            if ((width, zoom, spacing) == rounds[^1]) break;
            await app.Access().RequestSignInLinkAsync(speakerEmail); // a link works once: a new one for the second round
            speakerToken = AgendaKit.TokenOf((await app.LatestMailAsync(speakerEmail, SpeakerMailKind.SignIn))!.Link);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
