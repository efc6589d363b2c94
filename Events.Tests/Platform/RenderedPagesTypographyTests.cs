using AngleSharp.Html.Dom;
using Events.Tests.Agenda;
using Events.Tests.Attendees;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Platform;

/// <summary>
/// Every page, public and organiser, in French and in English, read as a browser shows it (title, text, accessible
/// names), holds to <see cref="Typography"/>: this covers the words written in the pages themselves, which the
/// texts' own test cannot see. Passages marked in the other language are left to that language.
/// </summary>
public sealed class RenderedPagesTypographyTests : IDisposable
{
    private readonly EventsApp _app = new(new()
    {
        // The demo description of appsettings.json has a plain space before its colon: data, not the service's words.
        ["Events:Event:Description"] = "Une matinée pour partager des pratiques numériques sobres\u00A0: conférences et ateliers.",
    });

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task EveryPageIsWrittenAsItsLanguageIsWritten(string lang)
    {
        var room = await _app.AddRoomAsync("Amphi");
        var speaker = await _app.InviteAsync("Ada Lovelace", "ada.speaker@example.org");
        // Not AgendaKit's session: its abstract is deliberately unpunctuated text for the calendar tests.
        var (saved, errors) = await _app.Agenda().SaveSessionAsync(null, new Events.Api.Agenda.SessionInput("Sobriété numérique",
            "Un résumé\u00A0: des pratiques sobres.", "talk", "fr", "2027-06-26T09:00", "2027-06-26T10:00", room, [speaker], true));
        Assert.Empty(errors);
        var session = saved!.Value;
        await _app.PublishAsync();
        var registration = await _app.RegisterAsync("grace@example.org", "Grace", "Hopper", lang); // its pages follow its language
        var ticket = _app.TicketCodeOf(registration.ManageCode);

        var id = _app.IdOf(registration.ManageCode);
        var organiser = _app.Scalar<long>("SELECT id FROM organisers");
        await _app.Services.GetRequiredService<Events.Api.Organisers.ActivityLog>().RecordAsync(organiser, Events.Api.Organisers.ActivityActions.TicketResent, id);
        using var visitor = _app.Client();
        using var admin = await _app.SignedInClientAsync();
        foreach (var client in new[] { visitor, admin }) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(lang);
        var pages = new List<(string Url, IHtmlDocument Page)>();
        foreach (var url in new[]
        {
            "/", "/agenda", $"/agenda/sessions/{session}", $"/agenda/speakers/{speaker}", "/privacy", "/legal", "/accessibility", "/eco-design",
            $"/registered/{registration.ManageCode}", $"/manage/{registration.ManageCode}", $"/manage/{registration.ManageCode}?confirm=replace",
            $"/manage/{registration.ManageCode}/cancel", $"/ticket/{ticket}", "/organisers/signin", "/speakers/signin",
        }) pages.Add((url, await visitor.GetPageAsync(url)));
        foreach (var url in new[]
        {
            "/organisers", "/organisers/dashboard", "/organisers/event", "/organisers/event/new-edition", "/organisers/message", "/organisers/message/history", "/organisers/staff", "/organisers/agenda",
            "/organisers/agenda/rooms", "/organisers/agenda/speakers", "/organisers/agenda/grid", $"/organisers/agenda/confirm/session/{session}", "/door/scan", "/door/walk-in",
            "/organisers/needs", "/organisers/attendees/print", "/organisers/badges?qr=1",
            "/organisers/attendees", $"/organisers/attendees/{id}?confirm=cancel", $"/organisers/attendees/{id}?confirm=replace", "/organisers/activity",
        }) pages.Add((url, await admin.GetPageAsync(url)));
        var home = pages[0].Page;
        pages.Add(("/ (empty form sent)", await Forms.ParseAsync(await visitor.SubmitAsync(home.FormWith("firstName"), new Dictionary<string, string>()))));

        var breaches = pages.SelectMany(p => Breaches(p.Page, lang).Select(b => $"{lang} {p.Url}: {b}")).ToList();
        Assert.Empty(breaches);
    }

    private static IEnumerable<string> Breaches(IHtmlDocument page, string lang)
    {
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        foreach (var other in page.Body!.QuerySelectorAll("[lang]").Where(e => e.GetAttribute("lang") != lang).ToList()) other.Remove();
        // Code, and what people typed into forms (the English description in the French settings form), are not the service's words.
        foreach (var code in page.Body.QuerySelectorAll("script, code, textarea").ToList()) code.Remove();
        var text = string.Join("\n", new[] { page.Title ?? "", page.Body.TextContent }
            .Concat(page.Body.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")!)));
        return lang == "fr" ? Typography.FrenchBreaches(text) : Typography.EnglishBreaches(text);
    }

    public void Dispose() => _app.Dispose();
}
