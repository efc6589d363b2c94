using System.Net;
using System.Text.Json;
using Dapper;
using Events.Api.Agenda;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Agenda;

/// <summary>Helpers for agenda tests: seed rooms, speakers and sessions, read sign-in links from the outbox, sign speakers in.</summary>
public static class AgendaKit
{
    public static AgendaService Agenda(this EventsApp app) => app.Services.GetRequiredService<AgendaService>();
    public static SpeakerAccess Access(this EventsApp app) => app.Services.GetRequiredService<SpeakerAccess>();

    public static async Task<long> AddRoomAsync(this EventsApp app, string name, int seats = 100)
    {
        Assert.Empty(await app.Agenda().SaveRoomAsync(null, new RoomInput(name, seats.ToString(), "Accès de plain-pied")));
        return app.Agenda().Load().Rooms.Single(r => r.Name == name).Id;
    }

    public static async Task<long> InviteAsync(this EventsApp app, string name, string email)
    {
        var (id, errors) = await app.Access().InviteAsync(name, email, "fr");
        Assert.Empty(errors);
        return id!.Value;
    }

    /// <summary>Adds a session at local (Paris) times such as "2027-06-26T09:00".</summary>
    public static async Task<long> AddSessionAsync(this EventsApp app, string title, string start, string end, long? roomId,
        long[]? speakers = null, string format = "talk", string language = "fr", bool isPublic = true, long? id = null)
    {
        var (sessionId, errors) = await app.Agenda().SaveSessionAsync(id, new SessionInput(title, "Un résumé, avec virgule; et point-virgule.",
            format, language, start, end, roomId, speakers ?? [], isPublic));
        Assert.Empty(errors);
        return sessionId!.Value;
    }

    public static async Task PublishAsync(this EventsApp app) =>
        Assert.IsType<PublishOutcome.Published>(await app.Agenda().PublishAsync());

    /// <summary>
    /// What the latest speaker e-mail of <paramref name="kind"/> to <paramref name="email"/> said, read from the delivered
    /// e-mail itself (the outbox keeps its payload sealed, and empties it once sent): recipient, name, link, language.
    /// </summary>
    public static async Task<SpeakerMailPayload?> LatestMailAsync(this EventsApp app, string email, string kind)
    {
        await app.DrainMailAsync();
        var purpose = kind == SpeakerMailKind.Invitation ? "invitation" : "signin";
        using var c = app.Db.OpenRead();
        return app.LinksSentTo(email, "/speakers/link/").Reverse()
            .Where(x => c.ExecuteScalar<string?>("SELECT purpose FROM speaker_links WHERE token_hash = @hash",
                new { hash = Events.Api.Security.SecretCode.Hash(TokenOf(x.Link)) }) == purpose)
            .Select(x => new SpeakerMailPayload(email, x.Mail.To.Mailboxes.First().Name ?? "", x.Link,
                Language(x.Mail), x.Mail.Date, x.Mail.Subject ?? ""))
            .FirstOrDefault();
    }

    /// <summary>A parsed message keeps its <c>Content-*</c> headers on its body.</summary>
    private static string Language(MimeKit.MimeMessage mail) =>
        mail.Headers[MimeKit.HeaderId.ContentLanguage] is { Length: > 0 } top ? top : mail.Body?.Headers[MimeKit.HeaderId.ContentLanguage] ?? "";

    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    /// <summary>Opens a link and presses its "Sign in" button, as a speaker would; returns the answer to the POST.</summary>
    public static async Task<HttpResponseMessage> UseLinkAsync(this HttpClient client, string token)
    {
        var document = await Forms.ParseAsync(await client.GetAsync($"/speakers/link/{token}"));
        // A used or unknown link shows no form, so no token: take one from a page that has a form, to post anyway.
        if (document.QuerySelector("input[name=__RequestVerificationToken]") is null) document = await client.GetPageAsync("/speakers/signin");
        return await client.PostWithTokenAsync(document, $"/speakers/link/{token}");
    }

    /// <summary>POSTs <paramref name="values"/> to <paramref name="url"/> with the antiforgery token found in <paramref name="page"/>.</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string url,
        IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values ?? []]));
    }

    /// <summary>A client signed in as the speaker with <paramref name="email"/>, through a fresh sign-in link.</summary>
    public static async Task<HttpClient> SpeakerClientAsync(this EventsApp app, string email)
    {
        await app.Access().RequestSignInLinkAsync(email);
        var token = TokenOf((await app.LatestMailAsync(email, SpeakerMailKind.SignIn))!.Link);
        var client = app.Client();
        var response = await client.UseLinkAsync(token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/speakers", response.Headers.Location!.OriginalString);
        return client;
    }
}
