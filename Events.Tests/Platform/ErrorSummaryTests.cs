using AngleSharp.Html.Dom;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Platform;

/// <summary>
/// A form that fails says so in the page title, and its summary, which takes the focus, names each field at fault and
/// links to it (RGAA 11.10, WCAG 3.3.1): "Prénom : indiquez votre prénom.", not "This field is required." three times.
/// </summary>
public sealed class ErrorSummaryTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task AnEmptyRegistrationNamesEachFieldAndItsFaultAndTheTitleStartsWithError()
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/");
        var result = await Forms.ParseAsync(await client.SubmitAsync(page.FormWith("firstName"), new Dictionary<string, string>()));

        Assert.StartsWith("Erreur\u00A0: ", result.Title);
        var summary = result.QuerySelector("#error-summary")!;
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        Assert.Equal("Le formulaire contient 4\u00A0erreurs\u00A0:", summary.QuerySelector("h2")!.TextContent);
        Assert.Equal(
            ["Prénom\u00A0: indiquez votre prénom.", "Nom\u00A0: indiquez votre nom.", "Adresse e-mail\u00A0: indiquez votre adresse e-mail.",
             "Consentement\u00A0: cochez cette case pour accepter la politique de confidentialité."],
            summary.QuerySelectorAll("li a").Select(a => a.TextContent));
        Assert.Equal("Indiquez votre prénom.", result.QuerySelector("#firstName-error")!.TextContent);
        AssertEveryLinkLeadsToAField(result);
    }

    [Fact]
    public async Task InEnglishTheSummaryNamesFieldsWithAColonAndNoSpace()
    {
        using var client = _app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetPageAsync("/");
        var result = await Forms.ParseAsync(await client.SubmitAsync(page.FormWith("firstName"), new Dictionary<string, string>
        {
            ["firstName"] = "Ada", ["lastName"] = "Lovelace", ["email"] = "ada@", ["consent"] = "true",
        }));
        Assert.StartsWith("Error: ", result.Title);
        Assert.Equal("The form has 1 error:", result.QuerySelector("#error-summary h2")!.TextContent);
        Assert.Equal("E-mail address: enter a valid e-mail address, for example name@example.com.", result.QuerySelector("#error-summary li a")!.TextContent);
    }

    [Fact]
    public async Task AFailedSignInSaysErrorInTheTitleAndSummarisesTheFault()
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/organisers/signin");
        var result = await Forms.ParseAsync(await client.SubmitAsync(page.FormWith("password"),
            new Dictionary<string, string> { ["email"] = EventsApp.AdminEmail, ["password"] = "wrong password!" }, "/organisers/signin"));
        Assert.StartsWith("Erreur\u00A0: ", result.Title);
        Assert.Equal("Adresse e-mail ou mot de passe incorrect.", result.QuerySelector("#error-summary li a")!.TextContent);
        AssertEveryLinkLeadsToAField(result);
    }

    [Fact]
    public async Task AnAddressAlreadyRegisteredGetsANeutralNoticeNotAnError()
    {
        await _app.RegisterAsync("twice@example.org");
        using var client = _app.Client();
        var page = await client.GetPageAsync("/");
        var result = await Forms.ParseAsync(await client.SubmitAsync(page.FormWith("firstName"), new Dictionary<string, string>
        {
            ["firstName"] = "Ada", ["lastName"] = "Lovelace", ["email"] = "twice@example.org", ["consent"] = "true",
        }));
        Assert.Null(result.QuerySelector("#error-summary"));
        Assert.Null(result.QuerySelector("#email-error"));
        Assert.DoesNotContain("Erreur", result.Title);
        Assert.Contains("déjà inscrite", result.QuerySelector(".notice[role=status]")!.TextContent);
    }

    [Theory]
    [InlineData("/organisers/event", "title")]
    [InlineData("/organisers/message", "subject")]
    [InlineData("/organisers/staff", "email")]
    [InlineData("/organisers/agenda/speakers", "name")]
    [InlineData("/organisers/agenda/rooms", "name")]
    [InlineData("/organisers/agenda", "title")]
    [InlineData("/door/walk-in", "firstName")]
    public async Task EveryOrganiserFormSummarisesItsErrorsWithLinksToItsFields(string url, string field)
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync(url);
        var form = page.Forms.Last(f => f.Elements.Any(e => e.GetAttribute("name") == field));
        var values = form.Elements.Where(e => e.GetAttribute("name") is { } n && e.GetAttribute("type") is not "hidden" and not "checkbox" and not "radio" and not "submit")
            .Where(e => e is not IHtmlSelectElement && e is not IHtmlButtonElement)
            .ToDictionary(e => e.GetAttribute("name")!, _ => "");
        var result = await Forms.ParseAsync(await admin.SubmitAsync(form, values, url));

        Assert.StartsWith("Erreur\u00A0: ", result.Title);
        var links = result.QuerySelectorAll("#error-summary li a");
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.Contains("\u00A0: ", a.TextContent));
        AssertEveryLinkLeadsToAField(result);
    }

    private static void AssertEveryLinkLeadsToAField(IHtmlDocument page)
    {
        foreach (var link in page.QuerySelectorAll("#error-summary a"))
        {
            var id = link.GetAttribute("href")![1..];
            Assert.True(page.GetElementById(id) is { } target && target.LocalName is "input" or "textarea" or "select" or "fieldset",
                $"{link.TextContent} leads to #{id}, which is not a field of the page");
        }
    }

    public void Dispose() => _app.Dispose();
}
