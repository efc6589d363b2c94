using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Playwright;

namespace Events.Tests.Tickets;

/// <summary>The web ticket in Debian's Chromium: weight, accessibility, and a printout that fits one page.</summary>
public sealed partial class TicketBrowserTests
{
    [SkippableFact]
    public async Task TheTicketPageIsLightAccessibleAndPrintsOnOneA4OrLetterPage()
    {
        using var live = new LiveApp();
        using var http = new HttpClient { BaseAddress = new Uri(live.BaseUrl) };
        var response = await http.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName = "Katherine", lastName = "Johnson", email = "katherine@example.org", organisation = "NASA", consent = true,
        });
        var created = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<EventsApp.Created>())!;
        var code = live.App.TicketCode(created.ManageCode)!;
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync(new() { JavaScriptEnabled = false });
        var traffic = Browser.Traffic.Watch(page);

        await page.GotoAsync($"{live.BaseUrl}/ticket/{code}", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.All(traffic.Urls, u => Assert.StartsWith(live.BaseUrl, u));
        Assert.True(traffic.Bytes <= 15 * 1024, $"the ticket page weighs {traffic.Bytes} bytes");
        var qr = await page.Locator(".ticket-qr svg").BoundingBoxAsync();
        Assert.True(qr!.Width >= 200, $"the QR is only {qr.Width} px wide");

        foreach (var format in new[] { "A4", "Letter" })
        {
            var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, PrintBackground = true });
            var pages = PdfPage().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;
            Assert.True(pages == 1, $"{format}: the ticket prints on {pages} pages");
        }

        var axe = await browser.OpenPageAsync(); // axe needs script; the page itself ships none
        await axe.GotoAsync($"{live.BaseUrl}/ticket/{code}");
        await Browser.AssertNoAccessibilityViolationsAsync(axe);
    }

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PdfPage();
}
