using System.Net;
using Dapper;
using Events.Api.Security;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;

namespace Events.Tests.Tickets;

/// <summary>The web ticket at /ticket/{code}, and the management page's "send again" and "replace the code".</summary>
public sealed class TicketPageTests : IDisposable
{
    private readonly EventsApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheTicketPageShowsTheQrAsInlineSvgTheCodeTheHolderAndTheEventWithoutScript()
    {
        var created = await _app.RegisterAsync(firstName: "Grace", lastName: "Hopper");
        var code = _app.TicketCode(created.ManageCode)!;
        using var client = _app.Client();
        var response = await client.GetAsync($"/ticket/{code}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(html.Length <= 15 * 1024, $"the page is {html.Length} bytes");
        Assert.True(response.Headers.CacheControl?.NoStore);
        var page = await Forms.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Empty(page.QuerySelectorAll("img"));
        var svg = page.QuerySelector(".ticket-qr svg")!;
        Assert.Equal(code, QrDecoder.DecodeSvg(svg.OuterHtml.Replace("viewbox", "viewBox")));
        Assert.Contains("Grace Hopper", svg.GetAttribute("aria-label"));
        Assert.Equal(SecretCode.Grouped(code), page.QuerySelector(".ticket-code .code")!.TextContent);
        Assert.Contains("Grace Hopper", page.QuerySelector(".facts")!.TextContent);
        Assert.Contains("Seine InnoPolis", page.QuerySelector(".facts")!.TextContent);
        Assert.Contains("08:30", page.QuerySelector(".facts")!.TextContent);

        var css = await client.GetStringAsync("/site.css");
        Assert.Contains("@media print", css);
        Assert.Contains(".ticket-qr .qr{", css);
    }

    [Fact]
    public async Task PagesFromTheEmailLinksSpeakTheRegistrationsLanguageUntilTheVisitorChoosesAnother()
    {
        var created = await _app.RegisterAsync(firstName: "Alan", lastName: "Turing", language: "en");
        var ticket = $"/ticket/{_app.TicketCode(created.ManageCode)}";
        var manage = $"/manage/{created.ManageCode}";
        using var client = _app.Client();
        foreach (var path in new[] { ticket, manage, manage + "/cancel" })
            Assert.Equal("en", (await client.GetPageAsync(path)).DocumentElement.GetAttribute("lang"));

        var chosen = new HttpRequestMessage(HttpMethod.Get, ticket);
        chosen.Headers.Add("Cookie", ".Events.Lang=fr");
        var french = await Forms.ParseAsync(await client.SendAsync(chosen));
        Assert.Equal("fr", french.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", (await client.GetPageAsync("/")).DocumentElement.GetAttribute("lang")); // other pages: French by default
    }

    [Fact]
    public async Task AnUnknownOrCancelledTicketIsNotFound()
    {
        var created = await _app.RegisterAsync();
        var code = _app.TicketCode(created.ManageCode)!;
        using var client = _app.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ticket/{SecretCode.New()}")).StatusCode);
        (await client.DeleteAsync($"/api/v1/registrations/{created.ManageCode}")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ticket/{code}")).StatusCode);
    }

    [Fact]
    public async Task ReplacingTheCodeRevokesTheOldTicketAndEmailsTheNewOne()
    {
        var created = await _app.RegisterAsync();
        var oldCode = _app.TicketCode(created.ManageCode)!;
        using var client = _app.Client();
        var page = await client.GetPageAsync($"/manage/{created.ManageCode}?confirm=replace"); // the button asks first (AttendeePagesTests)
        var form = page.Forms.Single(f => f.GetAttribute("action")?.Contains("handler=replace") == true);
        var response = await client.SubmitAsync(form, new Dictionary<string, string>(), $"/manage/{created.ManageCode}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newCode = _app.TicketCode(created.ManageCode)!;
        Assert.NotEqual(oldCode, newCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ticket/{oldCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ticket/{newCode}")).StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("nouveau code", after.QuerySelector("[role=status]")!.TextContent);

        await _app.DrainMailAsync();
        var replaced = _app.PickedUp().Single(m => (m.Subject ?? "").StartsWith("Votre nouveau billet"));
        Assert.Equal(newCode, replaced.TicketCodeInText());
        Assert.Equal(newCode, QrDecoder.DecodePng(replaced.Part("image", "png")!.Bytes()));
    }

    [Fact]
    public async Task SendingTheTicketAgainWorksOnceAMinuteAndNeverOnGet()
    {
        var created = await _app.RegisterAsync();
        using var client = _app.Client();
        var manage = $"/manage/{created.ManageCode}";
        await client.GetAsync(manage + "?handler=resend");

        async Task<string> Resend()
        {
            var page = await client.GetPageAsync(manage);
            var form = page.Forms.Single(f => f.GetAttribute("action")?.Contains("handler=resend") == true);
            var response = await client.SubmitAsync(form, new Dictionary<string, string>(), manage);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString();
        }

        Assert.EndsWith("ticket=resent", await Resend());
        Assert.EndsWith("ticket=too_soon", await Resend());
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'resend'"));
    }

    [Fact]
    public async Task TheResendFormIsRefusedWithoutItsAntiforgeryToken()
    {
        var created = await _app.RegisterAsync();
        using var client = _app.Client();
        await client.GetAsync($"/manage/{created.ManageCode}");
        var response = await client.PostAsync($"/manage/{created.ManageCode}?handler=resend", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
