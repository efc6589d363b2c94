using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Api.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Agenda;

/// <summary>The public agenda, the JSON export, and the editor and portal forms submitted as real HTML forms.</summary>
public sealed class AgendaPageTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task BeforePublicationTheAgendaSaysItIsComingAndTheApiIsEmpty()
    {
        await _app.AddSessionAsync("Secret", "2027-06-26T09:00", "2027-06-26T10:00", null);
        using var client = _app.Client();
        var page = await client.GetPageAsync("/agenda");
        Assert.Contains("Le programme sera publié prochainement.", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Secret", page.DocumentElement.OuterHtml);
        var json = await client.GetFromJsonAsync<AgendaResponse>("/api/v1/agenda");
        Assert.False(json!.Published);
        Assert.Empty(json.Sessions);
    }

    [Fact]
    public async Task ThePublishedAgendaListsPublicSessionsByTimeWithRoomFormatLanguageAndSpeakers()
    {
        var ada = await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        var room = await _app.AddRoomAsync("Amphi");
        await _app.AddSessionAsync("Atelier tardif", "2027-06-26T11:00", "2027-06-26T12:00", room, format: "workshop", language: "en");
        await _app.AddSessionAsync("Ouverture", "2027-06-26T09:00", "2027-06-26T09:30", room, [ada], format: "keynote");
        await _app.AddSessionAsync("Table ronde", "2027-06-26T09:00", "2027-06-26T10:00", null, format: "round_table");
        await _app.AddSessionAsync("Masquée", "2027-06-26T10:00", "2027-06-26T11:00", null, isPublic: false);
        await _app.PublishAsync();
        using var client = _app.Client();

        var page = await client.GetPageAsync("/agenda");
        var groups = page.QuerySelectorAll("main section h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["09:00", "11:00"], groups);
        Assert.Equal(["Ouverture", "Table ronde", "Atelier tardif"], page.QuerySelectorAll("main ul.sessions h3").Select(h => h.TextContent).ToList());
        var opening = page.QuerySelectorAll("main ul.sessions > li")[0].TextContent;
        Assert.Contains("Amphi", opening);
        Assert.Contains("Conférence plénière", opening);
        Assert.Contains("en français", opening);
        Assert.Equal($"/agenda/speakers/{ada}", page.QuerySelector("main ul.sessions a[href^='/agenda/speakers/']")!.GetAttribute("href"));
        Assert.DoesNotContain("Masquée", page.DocumentElement.OuterHtml);
        Assert.Empty(page.QuerySelectorAll("script"));

        var english = await client.GetPageAsync("/agenda?language=en");
        Assert.Equal(["Atelier tardif"], english.QuerySelectorAll("main ul.sessions h3").Select(h => h.TextContent).ToList());
        var workshops = await client.GetPageAsync("/agenda?format=round_table");
        Assert.Equal(["Table ronde"], workshops.QuerySelectorAll("main ul.sessions h3").Select(h => h.TextContent).ToList());
        Assert.Equal("true", workshops.QuerySelector("a[href='/agenda?format=round_table']")!.GetAttribute("aria-current"));

        var bio = await client.GetPageAsync($"/agenda/speakers/{ada}");
        Assert.Equal("Ada Lovelace", bio.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ARoomStillHoldingSessionsIsKeptWithTheReasonAndAnEmptyRoomIsDeleted()
    {
        var busy = await _app.AddRoomAsync("Amphi");
        var empty = await _app.AddRoomAsync("Salle 2");
        await _app.AddSessionAsync("Ouverture", "2027-06-26T09:00", "2027-06-26T10:00", busy);
        using var admin = await _app.SignedInClientAsync();

        var kept = await Forms.ParseAsync(await admin.SubmitAsync(
            await ConfirmationFormAsync(admin, busy), new Dictionary<string, string>(), "/organisers/agenda/rooms"));
        Assert.Contains("encore 1\u00A0session\u00A0:", kept.QuerySelector($"#room-{busy}-kept")!.TextContent);

        var deleted = await admin.SubmitAsync(await ConfirmationFormAsync(admin, empty), new Dictionary<string, string>(), "/organisers/agenda/rooms");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(["Amphi"], _app.Agenda().Load().Rooms.Select(r => r.Name));
    }

    [Fact]
    public async Task ARemovedSpeakerLosesTheirPortalAndTheirPublishedSessionShowsAsUpdated()
    {
        var ada = await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        var grace = await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var session = await _app.AddSessionAsync("Machine analytique", "2027-06-26T09:00", "2027-06-26T10:00", null, [ada, grace]);
        await _app.PublishAsync();
        using var speaker = await _app.SpeakerClientAsync("ada@example.org");
        Assert.Equal(HttpStatusCode.OK, (await speaker.GetAsync($"/speakers/sessions/{session}")).StatusCode);
        var profile = (await speaker.GetPageAsync("/speakers/profile")).FormWith("displayName");
        using var admin = await _app.SignedInClientAsync();

        var page = await admin.GetPageAsync("/organisers/agenda/speakers");
        var removed = await admin.PostWithTokenAsync(page, $"/organisers/agenda/speakers?handler=Remove&id={ada}", [new("confirmed", "true")]);
        Assert.Equal("/organisers/agenda/speakers?removed=true", removed.Headers.Location!.OriginalString);
        Assert.DoesNotContain("@", removed.Headers.Location.OriginalString); // no address in the URL

        Assert.NotEqual(HttpStatusCode.OK, (await speaker.GetAsync($"/speakers/sessions/{session}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await speaker.GetAsync("/speakers")).StatusCode);
        // A profile form opened before the removal saves nothing and says nothing was saved.
        var late = await speaker.SubmitAsync(profile, new Dictionary<string, string> { ["displayName"] = "Ada L." }, "/speakers/profile");
        Assert.NotEqual("/speakers/profile?saved=true", late.Headers.Location?.OriginalString);
        Assert.Contains("/speakers/signin", late.Headers.Location?.OriginalString ?? "");
        var left = _app.Agenda().Load().Sessions.Single();
        Assert.True(left.HasSpeaker(grace));
        Assert.False(left.HasSpeaker(ada));
        Assert.NotNull(left.Session.ChangedAt);
        using var c = _app.Db.OpenRead();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM speaker_links WHERE speaker_id = @ada", new { ada }));
    }

    /// <summary>The form of the page that confirms deleting <paramref name="room"/> (the rooms page only links to it).</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlFormElement> ConfirmationFormAsync(HttpClient admin, long room) =>
        (await admin.GetPageAsync($"/organisers/agenda/confirm/room/{room}")).Forms
            .Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Delete") && f.GetAttribute("action")!.Contains($"id={room}"));

    [Fact]
    public async Task AfterPublicationAChangeOfTimeRoomOrTitleMarksTheSessionUpdated()
    {
        var room = await _app.AddRoomAsync("Amphi");
        var moved = await _app.AddSessionAsync("Déplacée", "2027-06-26T09:00", "2027-06-26T10:00", room);
        await _app.AddSessionAsync("Stable", "2027-06-26T10:00", "2027-06-26T11:00", room);
        await _app.AddSessionAsync("Déplacée", "2027-06-26T09:15", "2027-06-26T10:00", room, id: moved); // before publication: not marked
        Assert.Null(_app.Agenda().Load().Find(moved)!.Session.ChangedAt);
        await _app.PublishAsync();
        await _app.AddSessionAsync("Déplacée", "2027-06-26T09:30", "2027-06-26T10:00", room, id: moved);

        using var client = _app.Client();
        var page = await client.GetPageAsync("/agenda");
        var updated = page.QuerySelectorAll("main ul.sessions > li").Where(li => li.QuerySelector(".updated") is not null).ToList();
        Assert.Equal("Déplacée", Assert.Single(updated).QuerySelector("h3")!.TextContent);
        Assert.StartsWith("Mis à jour le", updated[0].QuerySelector(".updated")!.TextContent);
        var json = await client.GetFromJsonAsync<AgendaResponse>("/api/v1/agenda");
        Assert.NotNull(json!.Sessions.Single(s => s.Title == "Déplacée").UpdatedAt);
        Assert.Null(json.Sessions.Single(s => s.Title == "Stable").UpdatedAt);
    }

    [Fact]
    public async Task TheAgendaEndpointIsInTheOpenApiDocument()
    {
        using var client = _app.Client();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/v1/agenda\"", document);
        Assert.Contains("\"/agenda.ics\"", document);
    }

    [Fact]
    public async Task TheHomePageLinksToTheAgendaAndAdminsFindTheEditorFromTheirHome()
    {
        using var anonymous = _app.Client();
        Assert.NotNull((await anonymous.GetPageAsync("/")).QuerySelector("main a[href='/agenda']"));
        using var admin = await _app.SignedInClientAsync();
        Assert.NotNull((await admin.GetPageAsync("/organisers")).QuerySelector("main .tasks a[href='/organisers/agenda']"));
    }

    [Fact]
    public async Task TheEditorSavesAConflictingSessionWithAWarningAndRefusesToPublishIt()
    {
        var room = await _app.AddRoomAsync("Amphi");
        await _app.AddSessionAsync("Existante", "2027-06-26T09:00", "2027-06-26T10:00", room);
        using var admin = await _app.SignedInClientAsync();

        var editor = await admin.GetPageAsync("/organisers/agenda");
        var newForm = editor.QuerySelector("#new-title")!.Closest("form") as AngleSharp.Html.Dom.IHtmlFormElement;
        var saved = await admin.SubmitAsync(newForm!, new Dictionary<string, string>
        {
            ["title"] = "Concurrente", ["abstract"] = "", ["format"] = "talk", ["language"] = "fr",
            ["start"] = "2027-06-26T09:30", ["end"] = "2027-06-26T10:30", ["roomId"] = room.ToString(), ["isPublic"] = "true",
        }, "/organisers/agenda");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, _app.Agenda().Load().Sessions.Count);

        editor = await admin.GetPageAsync("/organisers/agenda");
        var summary = editor.QuerySelector("#conflicts")!.TextContent;
        Assert.Contains("«\u202FExistante\u202F» et «\u202FConcurrente\u202F» ont lieu en même temps dans la salle Amphi.", summary);
        var concurrent = _app.Agenda().Load().Sessions.Single(s => s.Session.Title == "Concurrente").Id;
        Assert.Contains("Amphi", editor.QuerySelector($"#session-{concurrent} .conflicts")!.TextContent);

        var publish = await admin.SubmitAsync(editor.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
            .Single(f => f.GetAttribute("action")!.Contains("handler=Publish")), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("Publication refusée", (await Forms.ParseAsync(publish)).QuerySelector("[role=alert]")!.TextContent);
        Assert.False(_app.Agenda().Load().Published);
    }

    [Fact]
    public async Task TheEditorShowsFieldErrorsLinkedToTheirFields()
    {
        using var admin = await _app.SignedInClientAsync();
        var editor = await admin.GetPageAsync("/organisers/agenda");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)editor.QuerySelector("#new-title")!.Closest("form")!;
        var response = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["title"] = "", ["format"] = "talk", ["language"] = "fr", ["start"] = "26/06 9h", ["end"] = "2027-06-26T10:00",
        }, "/organisers/agenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("#new-start")!.GetAttribute("aria-invalid"));
        Assert.Contains("new-start-error", page.QuerySelector("#new-start")!.GetAttribute("aria-describedby"));
        Assert.Equal("26/06 9h", page.QuerySelector("#new-start")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#new-title-error"));
        Assert.Empty(_app.Agenda().Load().Sessions);
    }

    [Theory]
    [InlineData("roomId", "salle-1")]
    [InlineData("speakerIds", "abc")]
    [InlineData("speakerIds", "99999999999999999999")]
    public async Task AGarbageRoomOrSpeakerIdIsAFieldErrorAndNothingIsSaved(string field, string garbage)
    {
        var room = await _app.AddRoomAsync("Amphi");
        using var admin = await _app.SignedInClientAsync();
        var editor = await admin.GetPageAsync("/organisers/agenda");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)editor.QuerySelector("#new-title")!.Closest("form")!;
        var values = new Dictionary<string, string>
        {
            ["title"] = "Sans salle", ["format"] = "talk", ["language"] = "fr",
            ["start"] = "2027-06-26T09:00", ["end"] = "2027-06-26T10:00", ["roomId"] = room.ToString(), [field] = garbage,
        };
        var response = await admin.SubmitAsync(form, values, "/organisers/agenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(response)).QuerySelector($"#new-{field}-error"));
        Assert.Empty(_app.Agenda().Load().Sessions);
    }

    [Fact]
    public async Task ASessionInYearOneIsAFieldErrorNotAServerError()
    {
        using var admin = await _app.SignedInClientAsync();
        var editor = await admin.GetPageAsync("/organisers/agenda");
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)editor.QuerySelector("#new-title")!.Closest("form")!;
        var response = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["title"] = "Antique", ["format"] = "talk", ["language"] = "fr", ["start"] = "0001-01-01T00:00", ["end"] = "0001-01-01T01:00",
        }, "/organisers/agenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(response)).QuerySelector("#new-start-error"));
        Assert.Empty(_app.Agenda().Load().Sessions);
    }

    [Fact]
    public async Task ASessionAddedToAPublishedAgendaStartsHidden()
    {
        using var admin = await _app.SignedInClientAsync();
        Assert.NotNull((await admin.GetPageAsync("/organisers/agenda")).QuerySelector("#new-public[checked]")); // a draft: public by default
        await _app.PublishAsync();
        var page = await admin.GetPageAsync("/organisers/agenda");
        Assert.Null(page.QuerySelector("#new-public[checked]"));
        Assert.Contains("reste masquée", page.QuerySelector("#new-public-hint")!.TextContent);
    }

    [Fact]
    public async Task AnAdminInvitesASpeakerThroughTheFormAndTheInvitationGoesThroughTheOutbox()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/agenda/speakers");
        var response = await admin.SubmitAsync(page.FormWith("email"), new Dictionary<string, string>
        {
            ["name"] = "Katherine Johnson", ["email"] = "katherine@example.org", ["language"] = "en",
        }, "/organisers/agenda/speakers");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = (await _app.LatestMailAsync("katherine@example.org", SpeakerMailKind.Invitation))!;
        Assert.Equal("en", mail.Language);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.Client().UseLinkAsync(AgendaKit.TokenOf(mail.Link))).StatusCode);
    }

    [Fact]
    public async Task ASpeakerEditsTheTextOfTheirSessionButNotItsTimeRoomOrSpeakers()
    {
        var ada = await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        var room = await _app.AddRoomAsync("Amphi");
        var id = await _app.AddSessionAsync("Brouillon", "2027-06-26T09:00", "2027-06-26T10:00", room, [ada]);
        await _app.PublishAsync();
        using var speaker = await _app.SpeakerClientAsync("ada@example.org");

        var home = await speaker.GetPageAsync("/speakers");
        Assert.Contains("Amphi", home.QuerySelector("main ul.sessions")!.TextContent);
        var page = await speaker.GetPageAsync($"/speakers/sessions/{id}");
        var response = await speaker.SubmitAsync(page.FormWith("equipment"), new Dictionary<string, string>
        {
            ["title"] = "La machine analytique", ["abstract"] = "Notes.", ["language"] = "en", ["equipment"] = "Un rétroprojecteur",
            ["start"] = "2027-06-26T11:00", ["end"] = "2027-06-26T12:00", ["roomId"] = "", ["speakerIds"] = "999",
        }, $"/speakers/sessions/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var s = _app.Agenda().Load().Find(id)!;
        Assert.Equal(("La machine analytique", "en", "Un rétroprojecteur"), (s.Session.Title, s.Session.Language, s.Session.Equipment));
        Assert.Equal(new DateTimeOffset(2027, 6, 26, 7, 0, 0, TimeSpan.Zero), s.Session.StartsAt);
        Assert.Equal(room, s.Session.RoomId);
        Assert.Equal([ada], s.Speakers.Select(sp => sp.Id));
        Assert.NotNull(s.Session.ChangedAt); // a new title after publication is news for attendees
    }

    [Fact]
    public async Task AProfileBioIsLimitedTo600CharactersAndTheLinkMustBeAWebAddress()
    {
        await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        using var speaker = await _app.SpeakerClientAsync("ada@example.org");
        var page = await speaker.GetPageAsync("/speakers/profile");
        var response = await speaker.SubmitAsync(page.FormWith("bio"), new Dictionary<string, string>
        {
            ["displayName"] = "Ada", ["bio"] = new string('a', 601), ["webLink"] = "javascript:alert(1)",
        }, "/speakers/profile");
        var result = await Forms.ParseAsync(response);
        Assert.NotNull(result.QuerySelector("#bio-error"));
        Assert.NotNull(result.QuerySelector("#webLink-error"));
        using var c = _app.Db.OpenRead();
        Assert.Equal("", c.QuerySingle<string>("SELECT bio FROM speakers"));

        response = await speaker.SubmitAsync(page.FormWith("bio"), new Dictionary<string, string>
        {
            ["displayName"] = "Ada", ["bio"] = new string('a', 598) + "\r\nb", ["webLink"] = "https://example.org/ada",
        }, "/speakers/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ABiographyWrittenInEnglishIsMarkedSoOnFrenchPages()
    {
        var ada = await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        await _app.AddSessionAsync("Analytical engines", "2027-06-26T09:00", "2027-06-26T10:00", null, [ada]);
        await _app.PublishAsync();
        using var speaker = await _app.SpeakerClientAsync("ada@example.org");
        var page = await speaker.GetPageAsync("/speakers/profile");
        Assert.Equal("fr", page.QuerySelector("input[name=language]:checked")!.GetAttribute("value")); // the invitation's language
        var saved = await speaker.SubmitAsync(page.FormWith("bio"), new Dictionary<string, string>
        {
            ["displayName"] = "Ada Lovelace", ["bio"] = "Mathematician, first programmer.", ["language"] = "en",
        }, "/speakers/profile");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var french = await _app.Client().GetPageAsync($"/agenda/speakers/{ada}");
        Assert.Equal("Mathematician, first programmer.", french.QuerySelector("main div[lang=en]")!.TextContent.Trim());
        var refused = await speaker.SubmitAsync(page.FormWith("bio"), new Dictionary<string, string> { ["displayName"] = "Ada", ["language"] = "de" }, "/speakers/profile");
        Assert.NotNull((await Forms.ParseAsync(refused)).QuerySelector("#language-error"));
    }

    public void Dispose() => _app.Dispose();
}
