using System.Net;
using Dapper;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

/// <summary>
/// Nothing destructive in one click: deleting a session or a room, removing a speaker and writing to every attendee
/// go through a page that says what will happen, without JavaScript. A post that skips it is sent to it.
/// </summary>
public sealed class OrganiserSafetyTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Theory]
    [InlineData("session", "/organisers/agenda", "handler=Delete")]
    [InlineData("room", "/organisers/agenda/rooms", "handler=Delete")]
    [InlineData("speaker", "/organisers/agenda/speakers", "handler=Remove")]
    public async Task DeletingAsksOnAPageOfItsOwnAndOnlyItsButtonDeletes(string kind, string editor, string handler)
    {
        var room = await _app.AddRoomAsync("Salle vide");
        var speaker = await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        var session = await _app.AddSessionAsync("Ouverture", "2027-06-26T09:00", "2027-06-26T10:00", null, [speaker]);
        var id = kind switch { "session" => session, "room" => room, _ => speaker };
        using var admin = await _app.SignedInClientAsync();

        var page = await admin.GetPageAsync(editor);
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains(handler)); // no one-click deletion left
        Assert.NotNull(page.QuerySelector($"a[href='/organisers/agenda/confirm/{kind}/{id}']"));

        var skipped = await admin.PostWithTokenAsync(page, $"{editor}?{handler}&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal($"/organisers/agenda/confirm/{kind}/{id}", skipped.Headers.Location!.OriginalString);
        Assert.Equal(1, Count());

        var confirm = await admin.GetPageAsync($"/organisers/agenda/confirm/{kind}/{id}");
        Assert.Contains(kind == "speaker" ? "Ada Lovelace" : kind == "room" ? "Salle vide" : "Ouverture", confirm.QuerySelector("h1")!.TextContent);
        var done = await admin.SubmitAsync(confirm.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains(handler)), new Dictionary<string, string>(), editor);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, Count());

        int Count()
        {
            var data = _app.Agenda().Load();
            return kind switch { "session" => data.Sessions.Count, "room" => data.Rooms.Count, _ => data.Speakers.Count };
        }
    }

    [Fact]
    public async Task AMessageIsPreviewedWithItsGreetingAndRecipientsBeforeAnythingIsSent()
    {
        await _app.RegisterAsync("ada@example.org");
        await _app.RegisterAsync("grace@example.org");
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/message");
        var preview = await Forms.ParseAsync(await admin.SubmitAsync(page.FormWith("subject"), new Dictionary<string, string>
        {
            ["subject"] = "Salle B", ["body"] = "Bonjour,\n\nLa plénière a lieu en salle B.",
        }, "/organisers/message"));

        var shown = preview.QuerySelector("article.preview")!.TextContent;
        Assert.Contains("Bonjour [prénom],", shown);
        Assert.Contains("La plénière a lieu en salle B.", shown);
        Assert.Contains("2\u00A0personnes", preview.QuerySelector("main")!.TextContent);
        Assert.Contains("salue une seconde fois", preview.QuerySelector("main")!.TextContent); // "Bonjour," twice
        Assert.Equal(0L, Announcements());

        var send = preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Send"));
        Assert.Equal("Envoyer à 2\u00A0personnes", send.QuerySelector("button")!.TextContent);
        var sent = await admin.SubmitAsync(send, new Dictionary<string, string>(), "/organisers/message");
        Assert.EndsWith("queued=2", sent.Headers.Location!.OriginalString);
        Assert.Equal(2L, Announcements());
    }

    [Fact]
    public async Task ASendThatSkipsThePreviewOnlyShowsIt()
    {
        await _app.RegisterAsync("ada@example.org");
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/message");
        var response = await admin.PostWithTokenAsync(page, "/organisers/message?handler=Send", [new("subject", "Salle B"), new("body", "En salle B.")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(response)).QuerySelector("article.preview"));
        Assert.Equal(0L, Announcements());
    }

    [Theory]
    [InlineData("/organisers/agenda")]
    [InlineData("/organisers/agenda?handler=NoSuchThing")]
    [InlineData("/door/scan?handler=NoSuchThing")]
    public async Task APostWithoutAKnownHandlerIsABadRequestNotAServerError(string url)
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/agenda");
        var response = await admin.PostWithTokenAsync(page, url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private long Announcements()
    {
        using var c = _app.Db.OpenRead();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'announcement'");
    }

    public void Dispose() => _app.Dispose();
}
