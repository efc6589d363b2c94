using System.Net.Http.Json;
using System.Text.Json;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Organisers;

/// <summary>
/// The printouts as Chromium prints them to PDF (the same engine as the browser's Print dialog): A4, the attendee
/// list's header row and page number on every page, badges eight to a sheet.
/// </summary>
public sealed class PrintoutBrowserTests
{
    private static async Task RegisterAsync(LiveApp live, int count, int from = 0)
    {
        using var api = new HttpClient { BaseAddress = new Uri(live.BaseUrl) };
        for (var i = from; i < from + count; i++)
            (await api.PostAsJsonAsync("/api/v1/registrations", new
            {
                firstName = $"Prénom{i:000}", lastName = $"Nom{i:000}", email = $"p{i}@example.org", organisation = "Métropole Rouen Normandie", consent = true,
            })).EnsureSuccessStatusCode();
    }

    private static async Task<byte[]> PrintAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        return await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
    }

    [SkippableFact]
    public async Task TwentyAttendeesPrintOnOnePageAndSixtyOnSeveralEachNumberedWithTheHeaderRow()
    {
        using var live = new LiveApp(new() { ["Events:Event:Capacity"] = "100" });
        await RegisterAsync(live, 20);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();
        await page.SignInAsync(live.BaseUrl);

        var twenty = await PrintAsync(page, live.BaseUrl + "/organisers/attendees/print");
        Assert.Equal(1, Pdf.PageCount(twenty));
        var text = Assert.Single(Pdf.PageTexts(twenty));
        Assert.Contains("1 / 1", text);
        Assert.DoesNotContain("Ctrl+P", text); // the screen's instruction, the menu and the footer are not printed
        Assert.DoesNotContain("Accessibilité", text);

        await RegisterAsync(live, 40, from: 20);
        var sixty = await PrintAsync(page, live.BaseUrl + "/organisers/attendees/print");
        var pages = Pdf.PageTexts(sixty);
        Assert.True(Pdf.PageCount(sixty) >= 2, $"{Pdf.PageCount(sixty)} page(s)");
        Assert.Equal(Pdf.PageCount(sixty), pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"{i + 1} / {pages.Count}", pages[i]);
            Assert.Contains("PrésentNomPrénomOrganisation", pages[i]); // the header row, repeated
        }
        Assert.Contains("Nom059", pages[^1]);
    }

    [SkippableFact]
    public async Task TwentyBadgesPrintOnThreeSheetsWithOrWithoutTheirQrCodes()
    {
        using var live = new LiveApp();
        await RegisterAsync(live, 20);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();
        await page.SignInAsync(live.BaseUrl);

        foreach (var url in new[] { "/organisers/badges", "/organisers/badges?qr=1" })
        {
            var pdf = await PrintAsync(page, live.BaseUrl + url);
            Assert.Equal(3, Pdf.PageCount(pdf));
            var sheets = Pdf.PageTexts(pdf);
            Assert.Equal([8, 8, 4], sheets.Select(s => s.Split("Prénom").Length - 1));
            Assert.DoesNotContain("Badges", sheets[0]); // the heading and the form stay on screen
        }
    }

    // How many lines each matching element's text takes: one rectangle per line box of its contents.
    private const string Lines = """
        sel => [...document.querySelectorAll(sel)].map(e => {
          const r = document.createRange(); r.selectNodeContents(e);
          return { text: e.textContent.trim(), lines: new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size };
        })
        """;

    private sealed record Wrapped(string Text, int Lines);

    private static async Task<Wrapped[]> LinesOfAsync(IPage page, string selector) =>
        (await page.EvaluateAsync<JsonElement>(Lines, selector)).Deserialize<Wrapped[]>(JsonSerializerOptions.Web)!;

    [SkippableFact]
    public async Task TheNeedsCountsAndTheirHeadingsStayWholeOnAPhoneAndOnPaper()
    {
        using var live = new LiveApp();
        using (var api = new HttpClient { BaseAddress = new Uri(live.BaseUrl) })
        {
            var needs = Enumerable.Repeat("Fauteuil roulant", 24).Append("Boucle magnétique pour malentendants, et une place près de l'écran si possible");
            var i = 0;
            foreach (var need in needs)
                (await api.PostAsJsonAsync("/api/v1/registrations", new
                {
                    firstName = $"Prénom{i}", lastName = $"Nom{i}", email = $"n{i++}@example.org", accessibilityNeeds = need, consent = true,
                })).EnsureSuccessStatusCode();
        }
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 390, Height = 800 } });
        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/organisers/needs");
        // On a phone, then as printed on A4 portrait (18 cm between the margins, 680 CSS px).
        foreach (var (media, width) in new[] { (Media.Screen, 390), (Media.Print, 680) })
        {
            await page.EmulateMediaAsync(new() { Media = media });
            await page.SetViewportSizeAsync(width, 800);
            var counts = await LinesOfAsync(page, "main tbody td:nth-of-type(-n+2)");
            Assert.Contains(counts, c => c.Text == "24");
            Assert.All(counts, c => Assert.True(c.Lines == 1, $"{media} at {width} px: '{c.Text}' on {c.Lines} lines"));
            var headings = await LinesOfAsync(page, "main th");
            Assert.All(headings, h => Assert.True(h.Lines <= h.Text.Split(' ').Length, $"{media} at {width} px: '{h.Text}' broken inside a word ({h.Lines} lines)"));
        }
    }

    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public double Width => Right - Left;
        public double Height => Bottom - Top;
    }

    [SkippableFact]
    public async Task ABadgeKeepsAQrCodeOfAtLeast20MillimetresWhateverTheLengthOfTheOrganisation()
    {
        using var live = new LiveApp();
        var organisation = string.Concat(Enumerable.Repeat("Direction régionale de l'environnement ", 4))[..150];
        Assert.Equal(150, organisation.Length);
        using (var api = new HttpClient { BaseAddress = new Uri(live.BaseUrl) })
            foreach (var (first, org) in new[] { ("Ada", "Analytical Engines"), ("Grace", organisation) })
                (await api.PostAsJsonAsync("/api/v1/registrations", new
                {
                    firstName = first, lastName = "Hopper-Lovelace", email = $"{first}@example.org", organisation = org, consent = true,
                })).EnsureSuccessStatusCode();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        // The page area of A4 portrait between 1 cm margins, in CSS pixels (96 a inch): 190 × 277 mm.
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 718, Height = 1047 } });
        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/organisers/badges?qr=1");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var badges = await page.Locator(".sheet li").AllAsync();
        Assert.Equal(2, badges.Count);
        const double mm = 96 / 25.4;
        foreach (var badge in badges)
        {
            var box = (await badge.BoundingBoxAsync())!;
            var qr = (await badge.Locator(".qr").BoundingBoxAsync())!;
            Assert.True(qr.Width >= 20 * mm && qr.Height >= 20 * mm, $"QR of {qr.Width / mm:0.#} × {qr.Height / mm:0.#} mm");
            Assert.True(qr.Y >= box.Y && qr.Y + qr.Height <= box.Y + box.Height + 0.5, "the QR code is cut by its badge");
            var above = box.Y;
            foreach (var line in await badge.Locator("p").AllAsync())
            {
                var text = (await line.BoundingBoxAsync())!;
                Assert.True(text.Y >= above - 0.5, $"'{await line.TextContentAsync()}' overlaps the line above it or the badge's edge");
                above = text.Y + text.Height;
            }
            Assert.True(above <= qr.Y + 0.5, "the text runs into the QR code");
        }
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true });
        Assert.Equal(1, Pdf.PageCount(pdf));
    }

    [SkippableFact]
    public async Task AxeCoreFindsNoViolationOnTheChartsTheNeedsAndThePrintouts()
    {
        using var live = new LiveApp();
        await RegisterAsync(live, 3);
        using (var api = new HttpClient { BaseAddress = new Uri(live.BaseUrl) })
            (await api.PostAsJsonAsync("/api/v1/registrations", new
            {
                firstName = "Ada", lastName = "Lovelace", email = "ada@example.org", accessibilityNeeds = "Fauteuil roulant", consent = true,
            })).EnsureSuccessStatusCode();
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();
        await page.SignInAsync(live.BaseUrl);
        foreach (var path in new[] { "/organisers/dashboard", "/organisers/needs", "/organisers/attendees/print", "/organisers/badges?qr=1" })
        {
            await page.GotoAsync(live.BaseUrl + path);
            foreach (var details in await page.Locator("main details").AllAsync()) await details.Locator("summary").ClickAsync(); // the data tables too
            await Browser.AssertNoAccessibilityViolationsAsync(page);
        }
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            await page.GotoAsync(live.BaseUrl + "/organisers/dashboard");
            await Browser.AssertNoAccessibilityViolationsAsync(page);
        }
    }
}
