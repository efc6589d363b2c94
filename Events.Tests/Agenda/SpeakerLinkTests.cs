using System.Net;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Events.Api.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Agenda;

/// <summary>Speakers' single-use sign-in links: invitation (7 days), asked-for links (15 minutes), stored hashed.</summary>
public sealed class SpeakerLinkTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task InvitingASpeakerQueuesAnInvitationEmailWithALinkValidSevenDays()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var mail = (await _app.LatestMailAsync("grace@example.org", SpeakerMailKind.Invitation))!;
        Assert.Equal("Grace Hopper", mail.Name);
        Assert.Equal("fr", mail.Language);
        Assert.StartsWith("http://localhost:5000/speakers/link/", mail.Link);
        using var c = _app.Db.OpenRead();
        var (created, expires) = c.QuerySingle<(string, string)>("SELECT created_at, expires_at FROM speaker_links WHERE purpose = 'invitation'");
        Assert.Equal(TimeSpan.FromDays(7), DateTimeOffset.Parse(expires) - DateTimeOffset.Parse(created));
    }

    [Fact]
    public async Task KnownAndUnknownAddressesAreAnsweredNoSoonerThanTheFloor()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        foreach (var address in new[] { "nobody@example.org", "grace@example.org", "", "x" })
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await _app.Access().RequestSignInLinkAsync(address);
            Assert.True(watch.Elapsed >= SpeakerAccess.SignInAnswerFloor - TimeSpan.FromMilliseconds(1), $"{address}: {watch.Elapsed.TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task TokensAreStoredOnlyAsTheirSha256()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var token = AgendaKit.TokenOf((await _app.LatestMailAsync("grace@example.org", SpeakerMailKind.Invitation))!.Link);
        Assert.True(token.Length >= 26, "at least 128 bits");
        using var c = _app.Db.OpenRead();
        var stored = c.QuerySingle<string>("SELECT token_hash FROM speaker_links");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token))), stored);
        var everything = string.Join("|", c.Query<string>("SELECT token_hash || purpose || expires_at || created_at FROM speaker_links"));
        Assert.DoesNotContain(token, everything);
    }

    [Fact]
    public async Task OpeningALinkDoesNotUseItAndConfirmingSignsInOnce()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var token = AgendaKit.TokenOf((await _app.LatestMailAsync("grace@example.org", SpeakerMailKind.Invitation))!.Link);

        using var scanner = _app.Client();
        Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync($"/speakers/link/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync($"/speakers/link/{token}")).StatusCode);

        using var speaker = _app.Client();
        var first = await speaker.UseLinkAsync(token);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SpeakerAuth.CookieName + "="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await speaker.GetAsync("/speakers")).StatusCode);

        using var other = _app.Client();
        var second = await other.UseLinkAsync(token);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.False(second.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SpeakerAuth.CookieName + "=")));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/speakers")).StatusCode);
    }

    [Fact]
    public async Task AnExpiredLinkIsRefused()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var token = AgendaKit.TokenOf((await _app.LatestMailAsync("grace@example.org", SpeakerMailKind.Invitation))!.Link);
        await _app.Db.WriteAsync((c, tx) => c.Execute("UPDATE speaker_links SET expires_at = @past", new { past = DateTimeOffset.UtcNow.AddSeconds(-1) }, tx));

        using var client = _app.Client();
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/speakers/link/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.UseLinkAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/speakers")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownOrMalformedTokenIsRefused()
    {
        using var client = _app.Client();
        Assert.Equal(HttpStatusCode.Gone, (await client.UseLinkAsync("ABCDEFGHJKLMNPQRSTUVWXYZ2345")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.UseLinkAsync("not-a-token")).StatusCode);
    }

    [Fact]
    public async Task AskingForALinkAnswersTheSameForKnownAndUnknownAddressesAndOnlyMailsSpeakers()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        using var client = _app.Client();

        async Task<string> Ask(string email)
        {
            var page = await client.GetPageAsync("/speakers/signin");
            var response = await client.SubmitAsync(page.FormWith("email"), new Dictionary<string, string> { ["email"] = email }, "/speakers/signin");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Forms.ParseAsync(response)).QuerySelector("[role=status]")!.TextContent;
        }

        Assert.Equal(await Ask(" GRACE@example.org"), await Ask("nobody@example.org"));
        var mail = (await _app.LatestMailAsync("grace@example.org", SpeakerMailKind.SignIn));
        Assert.NotNull(mail);
        Assert.Null((await _app.LatestMailAsync("nobody@example.org", SpeakerMailKind.SignIn)));
        using var c = _app.Db.OpenRead();
        var (created, expires) = c.QuerySingle<(string, string)>("SELECT created_at, expires_at FROM speaker_links WHERE purpose = 'signin'");
        Assert.Equal(TimeSpan.FromMinutes(15), DateTimeOffset.Parse(expires) - DateTimeOffset.Parse(created));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.Client().UseLinkAsync(AgendaKit.TokenOf(mail.Link))).StatusCode);
    }

    [Fact]
    public async Task AskingForLinksIsRateLimited()
    {
        using var app = new EventsApp(new() { ["Events:RateLimiting:Enabled"] = "true", ["Events:RateLimiting:LoginsPerWindow"] = "2" });
        using var client = app.Client();
        var page = await client.GetPageAsync("/speakers/signin");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.SubmitAsync(page.FormWith("email"), new Dictionary<string, string> { ["email"] = "x@example.org" }, "/speakers/signin")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ASpeakerCookieNeverOpensOrganiserPages()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        using var speaker = await _app.SpeakerClientAsync("grace@example.org");
        foreach (var path in new[] { "/organisers", "/organisers/agenda", "/organisers/agenda/speakers" })
        {
            var response = await speaker.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Matches("^(https?://[^/]+)?/organisers/(signin|denied)", response.Headers.Location!.OriginalString);
        }
    }

    public void Dispose() => _app.Dispose();
}
