using System.Net;
using System.Text.RegularExpressions;
using Events.Api.Agenda;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Statements;

/// <summary>
/// The pages the law asks of a French public body's online service, reachable from every page's footer, in French and
/// English; the legal notice from configuration; the privacy page naming every cookie the app really sets.
/// </summary>
public sealed partial class LegalPagesTests : IDisposable
{
    private readonly EventsApp _app = new(new()
    {
        ["Events:Publisher:HostName"] = "Hébergeur Exemple SAS",
        ["Events:Publisher:HostAddress"] = "1 rue de l'Exemple, 76000 Rouen",
        ["Events:Publisher:Email"] = "numerique@example.org",
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/agenda")]
    [InlineData("/privacy")]
    [InlineData("/organisers/signin")]
    [InlineData("/accessibility")]
    public async Task EveryPagesFooterStatesTheAccessibilityStatusAndLinksTheFourStatements(string path)
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync(path);
        var footer = page.QuerySelector("footer")!;
        Assert.Contains("Accessibilité\u00A0: partiellement conforme", footer.TextContent);
        Assert.Equal(["/accessibility", "/legal", "/privacy", "/eco-design"], footer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/legal", "fr", "Mentions légales")]
    [InlineData("/legal", "en", "Legal notice")]
    [InlineData("/accessibility", "fr", "Déclaration d'accessibilité")]
    [InlineData("/accessibility", "en", "Accessibility statement")]
    [InlineData("/eco-design", "fr", "Déclaration d'écoconception")]
    [InlineData("/eco-design", "en", "Eco-design statement")]
    [InlineData("/privacy", "fr", "Données personnelles")]
    [InlineData("/privacy", "en", "Privacy")]
    public async Task EachStatementExistsInFrenchAndEnglish(string path, string lang, string title)
    {
        using var client = _app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
        var page = await client.GetPageAsync(path);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task TheLegalNoticeNamesPublisherDirectorAndHostFromConfiguration()
    {
        using var client = _app.Client();
        var text = (await client.GetPageAsync("/legal")).QuerySelector("main")!.TextContent;
        Assert.Contains("Métropole Rouen Normandie", text);
        Assert.Contains("108 allée François Mitterrand", text);
        Assert.Contains("Le président de la Métropole Rouen Normandie", text);
        Assert.Contains("Hébergeur Exemple SAS", text);
        Assert.Contains("1 rue de l'Exemple, 76000 Rouen", text);
        Assert.Contains("numerique@example.org", text);
    }

    [Fact]
    public async Task TheAccessibilityStatementFollowsTheRgaaModel()
    {
        using var client = _app.Client();
        var page = await client.GetPageAsync("/accessibility");
        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration",
            "Retour d'information et contact", "Voies de recours"], headings);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("partiellement conforme", text);
        Assert.Contains("Défenseur des droits", text);
        Assert.Contains("numerique@example.org", text);
        var listed = page.QuerySelectorAll("main li code").Select(c => c.TextContent).ToList();
        Assert.Equal(Events.Web.Pages.Statements.Measured.Pages.Select(p => p.Path), listed); // the pages checked, from the measured figures
    }

    [Fact]
    public async Task ThePrivacyPageNamesEveryCookieTheAppSets()
    {
        // Collect what the app really sets: a visitor's form and language switch, an organiser's and a speaker's sign-in.
        var set = new HashSet<string>();
        void Collect(HttpResponseMessage r)
        {
            if (r.Headers.TryGetValues("Set-Cookie", out var cookies)) foreach (var c in cookies) set.Add(c[..c.IndexOf('=')]);
        }
        using var visitor = _app.Client();
        var home = await visitor.GetAsync("/");
        Collect(home);
        var page = await Forms.ParseAsync(home);
        Collect(await visitor.SubmitAsync(page.FormWith("lang"), new Dictionary<string, string>(), "/"));
        using var organiser = _app.Client();
        Collect(await organiser.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword })));
        await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        await _app.Access().RequestSignInLinkAsync("ada@example.org");
        using var speaker = _app.Client();
        var token = AgendaKit.TokenOf((await _app.LatestMailAsync("ada@example.org", SpeakerMailKind.SignIn))!.Link);
        var link = await speaker.GetAsync($"/speakers/link/{token}");
        Collect(link);
        Collect(await speaker.PostWithTokenAsync(await Forms.ParseAsync(link), $"/speakers/link/{token}"));

        Assert.Superset(new HashSet<string> { ".Events.Antiforgery", ".Events.Lang", ".Events.Auth", ".Events.Speaker" }, set);
        foreach (var lang in new[] { "fr", "en" })
        {
            using var reader = _app.Client();
            reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
            var listed = (await reader.GetPageAsync("/privacy")).QuerySelectorAll("main table code").Select(c => c.TextContent).ToHashSet();
            Assert.Superset(set, listed);
        }
    }

    [Fact]
    public async Task TheIconIsAnSvgInThePageAndTheOldAddressLeadsToItsFile()
    {
        using var client = _app.Client();
        var ico = await client.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location!.OriginalString);
        var svg = await client.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var home = await client.GetPageAsync("/");
        Assert.StartsWith("data:image/svg+xml,", home.QuerySelector("link[rel=icon]")!.GetAttribute("href")); // no request of its own
    }

    [Theory]
    [InlineData("/organisers")]
    [InlineData("/organisers/dashboard")]
    [InlineData("/organisers/agenda")]
    [InlineData("/door/scan")]
    public async Task OrganiserPagesHaveTheirOwnMenuAndNeverSayEvents(string path)
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync(path);
        var menu = page.QuerySelector("header nav")!;
        Assert.Equal("Menu des organisateurs", menu.GetAttribute("aria-label"));
        Assert.Contains("/door/scan", menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/organisers/dashboard", menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotMatch(TheWordEvents(), page.Title!);
        Assert.DoesNotMatch(TheWordEvents(), page.QuerySelector("header")!.TextContent);
        Assert.Contains("Matinée du numérique responsable", page.QuerySelector(".brand")!.TextContent);
    }

    [Theory]
    [InlineData("/privacy")]
    [InlineData("/legal")]
    [InlineData("/accessibility")]
    [InlineData("/eco-design")]
    [InlineData("/agenda")]
    public async Task PagesTheSameForEveryoneMayBeKeptByTheBrowserForAFewMinutes(string path)
    {
        using var client = _app.Client();
        var response = await client.GetAsync(path);
        Assert.Equal(TimeSpan.FromMinutes(5), response.Headers.CacheControl!.MaxAge);
        Assert.False(response.Headers.CacheControl.NoStore);
        Assert.False(response.Headers.Contains("Set-Cookie")); // no per-visitor token in them
        Assert.Contains("Cookie", response.Headers.Vary); // the language switch's choice
        Assert.Null((await Forms.ParseAsync(response)).QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task TheLanguageSwitchWorksWithoutAToken()
    {
        using var client = _app.Client();
        var response = await client.PostAsync("/lang", new FormUrlEncodedContent([new("lang", "en"), new("returnUrl", "/privacy")]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".Events.Lang=en"));
    }

    [GeneratedRegex(@"\bEvents\b")]
    private static partial Regex TheWordEvents();

    public void Dispose() => _app.Dispose();
}
