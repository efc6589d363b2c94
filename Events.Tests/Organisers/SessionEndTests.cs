using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using Dapper;
using Events.Api.Organisers;
using Events.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Tests.Organisers;

/// <summary>Signing out and taking access away end the session on the server: a copied cookie opens nothing afterwards.</summary>
public sealed class SessionEndTests : IDisposable
{
    private const string DoorEmail = "door@example.org";
    private const string DoorPassword = "door staff password";

    private readonly EventsApp _app = new();

    [Fact]
    public async Task ACookieCopiedBeforeSigningOutOnTheHomePageOpensNothingAfterwards()
    {
        using var client = _app.Client();
        var form = (await client.GetPageAsync("/organisers/signin")).FormWith("password");
        var signIn = await client.SubmitAsync(form, new Dictionary<string, string> { ["email"] = EventsApp.AdminEmail, ["password"] = EventsApp.AdminPassword }, "/organisers/signin");
        var copy = AuthCookie(signIn);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, copy, "/organisers/dashboard")).StatusCode);

        var home = await client.GetPageAsync("/organisers");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(home.Forms.Single(f => f.Id == "signout-form"), new Dictionary<string, string>(), "/organisers?handler=SignOut")).StatusCode);

        Assert.Equal("/organisers/signin", (await GetWithCookieAsync(_app, copy, "/organisers/dashboard")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(_app, copy, "/api/v1/checkins/roster")).StatusCode);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSigningOutThroughTheApiOpensNothingAfterwards()
    {
        var copy = await SignInCookieAsync(_app);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, copy, "/api/v1/checkins/roster")).StatusCode);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Add("Cookie", $"{OrganiserAuth.CookieName}={copy}");
        var loggedOut = await _app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).SendAsync(logout);
        Assert.Equal(HttpStatusCode.NoContent, loggedOut.StatusCode);
        Assert.Contains(loggedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(OrganiserAuth.CookieName + "=;"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(_app, copy, "/api/v1/checkins/roster")).StatusCode);
        Assert.Equal("/organisers/signin", (await GetWithCookieAsync(_app, copy, "/organisers/dashboard")).Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("Origin", "https://attacker.example")]
    [InlineData("Origin", "http://localhost.attacker.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task ALogoutPostedFromAnotherSiteIsRefusedAndTheSessionLives(string header, string value)
    {
        var cookie = await SignInCookieAsync(_app);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout") { Content = new FormUrlEncodedContent([]) };
        logout.Headers.Add("Cookie", $"{OrganiserAuth.CookieName}={cookie}");
        logout.Headers.Add(header, value);
        var refused = await _app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).SendAsync(logout);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, cookie, "/api/v1/checkins/roster")).StatusCode);

        var own = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        own.Headers.Add("Cookie", $"{OrganiserAuth.CookieName}={cookie}");
        own.Headers.Add("Origin", "http://localhost");
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.NoContent, (await _app.CreateClient(new() { HandleCookies = false }).SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task ACookieCapturedBeforeRemoveAccessStaysDeadAfterRestoreWhileAFreshSignInWorks()
    {
        var doorId = await _app.CreateOrganiserAsync(DoorEmail, "door", DoorPassword);
        var lostPhone = await SignInCookieAsync(_app, DoorEmail, DoorPassword);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, lostPhone, "/api/v1/checkins/roster")).StatusCode);

        using var admin = await _app.SignedInClientAsync();
        await SubmitStaffFormAsync(admin, "Remove", doorId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(_app, lostPhone, "/api/v1/checkins/roster")).StatusCode);
        await SubmitStaffFormAsync(admin, "Restore", doorId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(_app, lostPhone, "/api/v1/checkins/roster")).StatusCode);
        var newPhone = await SignInCookieAsync(_app, DoorEmail, DoorPassword);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_app, newPhone, "/api/v1/checkins/roster")).StatusCode);
    }

    [Fact]
    public async Task SigningOutOnOneDeviceLeavesThePersonsOtherSessionWorking()
    {
        using var phone = await _app.SignedInClientAsync();
        using var laptop = await _app.SignedInClientAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/checkins/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/checkins/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/organisers/dashboard")).StatusCode);
    }

    [Fact]
    public async Task ARestartKeepsLiveSessionsLiveAndEndedOnesEnded()
    {
        var shared = Directory.CreateTempSubdirectory("events-restart-").FullName;
        var onSharedFile = new Dictionary<string, string?> { ["ConnectionStrings:Events"] = $"Data Source={Path.Combine(shared, "events.db")}" };
        try
        {
            string live, ended;
            using (var before = new EventsApp(onSharedFile))
            {
                live = await SignInCookieAsync(before);
                ended = await SignInCookieAsync(before);
                var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
                logout.Headers.Add("Cookie", $"{OrganiserAuth.CookieName}={ended}");
                Assert.Equal(HttpStatusCode.NoContent, (await before.CreateClient(new() { HandleCookies = false }).SendAsync(logout)).StatusCode);
            }

            using var after = new EventsApp(onSharedFile);
            Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(after, live, "/api/v1/checkins/roster")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(after, ended, "/api/v1/checkins/roster")).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(shared, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task ACookieWithoutASessionFromBeforeSessionsExistedIsRefused()
    {
        using var admin = await _app.SignedInClientAsync();
        var organiser = _app.Services.GetRequiredService<OrganiserInvitations>().All().Single(o => o.Email == EventsApp.AdminEmail);
        var scheme = CookieAuthenticationDefaults.AuthenticationScheme;
        var claims = OrganiserAuth.Principal(organiser, "unused").Claims.Where(c => c.Type != OrganiserAuth.SessionClaim);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, scheme);
        var oldCookie = _app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme).TicketDataFormat.Protect(ticket);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetWithCookieAsync(_app, oldCookie, "/api/v1/checkins/roster")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/checkins/roster")).StatusCode);
    }

    [Fact]
    public async Task ASessionStartedInTheSameBatchAsAFailingWriteIsRecordedOnceAndLive()
    {
        var sessions = _app.Services.GetRequiredService<OrganiserSessions>();
        var adminId = _app.Services.GetRequiredService<OrganiserInvitations>().All().Single(o => o.Email == EventsApp.AdminEmail).Id;
        using var writerBusy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var held = _app.Db.WriteAsync((c, tx) => { writerBusy.Set(); release.Wait(TimeSpan.FromSeconds(10)); });
        writerBusy.Wait(TimeSpan.FromSeconds(10));

        // Queued together behind the busy writer, so they share a batch: the failure makes the writer run the start again.
        var start = sessions.StartAsync(adminId);
        var failing = _app.Db.WriteAsync<int>((c, tx) => throw new InvalidOperationException("a unit that fails"));
        release.Set();
        await held;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var sessionId = await start;
        Assert.NotNull(sessionId);
        Assert.True(sessions.IsLive(sessionId, adminId));
        using var c = _app.Db.OpenRead();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM organiser_sessions WHERE organiser_id = @adminId", new { adminId }));
    }

    private static async Task<string> SignInCookieAsync(EventsApp app, string email = EventsApp.AdminEmail, string password = EventsApp.AdminPassword)
    {
        var response = await app.CreateClient(new() { HandleCookies = false }).PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return AuthCookie(response);
    }

    private static string AuthCookie(HttpResponseMessage signIn)
    {
        var header = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(OrganiserAuth.CookieName + "="));
        return header[(OrganiserAuth.CookieName.Length + 1)..header.IndexOf(';')];
    }

    /// <summary>What someone holding a copy of the cookie (another phone, a stolen one) gets.</summary>
    private static Task<HttpResponseMessage> GetWithCookieAsync(EventsApp app, string cookie, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{OrganiserAuth.CookieName}={cookie}");
        return app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).SendAsync(request);
    }

    private static async Task SubmitStaffFormAsync(HttpClient admin, string handler, long id)
    {
        var staff = await admin.GetPageAsync("/organisers/staff");
        IHtmlFormElement form = staff.Forms.First(f =>
            (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)
            && f.Elements.Any(e => e.GetAttribute("name") == "id" && e.GetAttribute("value") == id.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(form, new Dictionary<string, string>(), "/organisers/staff")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
