using System.Net;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Registration;

/// <summary>The home page form, submitted as a real HTML form with its antiforgery token.</summary>
public sealed class RegistrationPageTests : IDisposable
{
    private readonly EventsApp _app = new();

    private static Dictionary<string, string> Valid(string email = "form@example.org") => new()
    {
        ["firstName"] = "Marie", ["lastName"] = "Curie", ["email"] = email, ["organisation"] = "", ["accessibilityNeeds"] = "",
        ["language"] = "fr", ["consent"] = "true",
    };

    [Fact]
    public async Task SubmittingTheRealFormRegistersAndShowsTheManagementLink()
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/");
        var response = await client.SubmitAsync(page.FormWith("firstName"), Valid());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("confirmée", confirmation.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(confirmation.QuerySelector("a.button[href^='/manage/']"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE email = 'form@example.org'"));
    }

    [Fact]
    public async Task TheFormWithoutItsAntiforgeryTokenIsRefused()
    {
        using var client = _app.Client();
        await client.GetAsync("/"); // the antiforgery cookie alone is not enough
        var response = await client.PostAsync("/", new FormUrlEncodedContent(Valid()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations"));
    }

    [Fact]
    public async Task ErrorsAreShownNextToEachFieldLinkedAndSummarisedWithValuesKept()
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/");
        var values = Valid("not-an-address");
        values["firstName"] = "";
        values.Remove("consent");
        var response = await client.SubmitAsync(page.FormWith("firstName"), values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Forms.ParseAsync(response);
        var email = result.QuerySelector("#email")!;
        Assert.Equal("not-an-address", email.GetAttribute("value"));
        Assert.Equal("true", email.GetAttribute("aria-invalid"));
        Assert.Contains("email-error", email.GetAttribute("aria-describedby"));
        Assert.Contains("adresse e-mail valide", result.QuerySelector("#email-error")!.TextContent);
        Assert.NotNull(result.QuerySelector("#firstName-error"));
        Assert.NotNull(result.QuerySelector("#consent-error"));
        Assert.Equal(3, result.QuerySelectorAll(".summary li a").Length);
        Assert.Equal("Curie", result.QuerySelector("#lastName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task FullEventRegistersOnTheWaitingListWithPosition()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "0" });
        using var client = app.Client();
        var page = await client.GetPageAsync("/");
        var response = await client.SubmitAsync(page.FormWith("firstName"), Valid());
        var confirmation = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("position 1", confirmation.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task OutsideTheRegistrationWindowTheFormIsReplacedByAMessage()
    {
        using var app = new EventsApp(new() { ["Events:Event:RegistrationOpensAt"] = DateTimeOffset.UtcNow.AddDays(3).ToString("O") });
        using var client = app.Client();
        var page = await client.GetPageAsync("/");
        Assert.Null(page.QuerySelector("#firstName"));
        Assert.Contains("Les inscriptions ouvriront le", page.QuerySelector(".notice")!.TextContent);
        var api = await client.PostAsync("/api/v1/registrations", System.Net.Http.Json.JsonContent.Create(new { firstName = "A", lastName = "B", email = "a@example.org", consent = true }));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task ManagementPageChangesDetailsAndCancelsAfterConfirmation()
    {
        var created = await _app.RegisterAsync("manage@example.org");
        using var client = _app.Client();
        var manage = await client.GetPageAsync($"/manage/{created.ManageCode}");
        var saved = await client.SubmitAsync(manage.FormWith("lastName"), new Dictionary<string, string>
        {
            ["firstName"] = "Ada", ["lastName"] = "Byron", ["organisation"] = "", ["accessibilityNeeds"] = "Rampe", ["language"] = "en",
        }, $"/manage/{created.ManageCode}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var cancelPage = await client.GetPageAsync($"/manage/{created.ManageCode}/cancel");
        var unconfirmed = await client.SubmitAsync(cancelPage.FormWith("confirm"), new Dictionary<string, string>(), $"/manage/{created.ManageCode}/cancel");
        Assert.Contains("confirm-error", await unconfirmed.Content.ReadAsStringAsync());
        var cancelled = await client.SubmitAsync(cancelPage.FormWith("confirm"), new Dictionary<string, string> { ["confirm"] = "true" }, $"/manage/{created.ManageCode}/cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);

        using var c = _app.Db.OpenRead();
        Assert.Equal(("Byron", "Rampe", "en", "cancelled"),
            c.QuerySingle<(string, string, string, string)>("SELECT last_name, accessibility_needs, language, status FROM registrations"));
    }

    [Fact]
    public async Task LanguageSwitchKeepsThePageAndTurnsItEnglish()
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/privacy");
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var switched = await client.SubmitAsync(page.FormWith("lang"), new Dictionary<string, string>(), "/");
        Assert.Equal("/privacy", switched.Headers.Location!.ToString());
        var english = await client.GetPageAsync("/privacy");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Privacy", english.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/agenda\tx", "/")]
    [InlineData("/agenda\r\nSet-Cookie: x=1", "/")]
    [InlineData("/agenda\u2028", "/")]
    [InlineData("/agenda\u00E9", "/")]
    [InlineData("https://elsewhere.example/", "/")]
    [InlineData("//elsewhere.example/", "/")]
    [InlineData("/agenda?format=atelier&language=fr", "/agenda?format=atelier&language=fr")]
    [InlineData("/agenda%C3%A9", "/agenda%C3%A9")]
    public async Task TheLanguageSwitchReturnsToPathsOfThisSiteOnlyAndNeverFails(string returnUrl, string expected)
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/privacy");
        var switched = await client.SubmitAsync(page.FormWith("lang"), new Dictionary<string, string> { ["returnUrl"] = returnUrl }, "/");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(expected, switched.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", null, "en")]
    [InlineData("de-DE,de;q=0.9,en;q=0.5,fr;q=0.4", null, "en")]
    [InlineData("en;q=0.3,fr-CA;q=0.8", null, "fr")]
    [InlineData("de-DE", null, "fr")]
    [InlineData("en;q=0,fr;q=0.1", null, "fr")]
    [InlineData("en-GB", "fr", "fr")] // the switch's choice wins over the browser
    public async Task AFirstVisitFollowsTheBrowsersLanguageUntilTheSwitchIsUsed(string acceptLanguage, string? cookie, string expected)
    {
        using var client = _app.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (cookie is not null) request.Headers.Add("Cookie", $".Events.Lang={cookie}");
        var response = await client.SendAsync(request);
        Assert.Equal(expected, (await Forms.ParseAsync(response)).DocumentElement.GetAttribute("lang"));
        if (cookie is null) Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task AFormPostOver64KilobytesGetsAPageNotJson()
    {
        using var client = _app.Client();
        var response = await client.PostAsync("/", new FormUrlEncodedContent([new("firstName", new string('a', 70_000))]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang=\"fr\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownManagementLinkIsAReadableNotFoundPage()
    {
        using var client = _app.Client();
        var response = await client.GetAsync("/manage/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lang=\"fr\"", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
