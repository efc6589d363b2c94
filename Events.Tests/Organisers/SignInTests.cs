using System.Net;
using System.Net.Http.Json;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Organisers;

public sealed class SignInTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task ConfiguredAdminSignsInThroughTheApiAndGetsAHttpOnlyCookie()
    {
        using var client = _app.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = " ADMIN@example.org", password = EventsApp.AdminPassword });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Events.Auth="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisers")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownAddressGetTheSameAnswer()
    {
        using var client = _app.Client();
        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = "not the password" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.org", password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await wrong.Content.ReadFromJsonAsync<Dictionary<string, object>>() is { } a ? a["detail"].ToString() : "",
                     await unknown.Content.ReadFromJsonAsync<Dictionary<string, object>>() is { } b ? b["detail"].ToString() : "x");
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountEvenForTheRightPassword()
    {
        using var client = _app.Client();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = $"wrong {i}" });
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task FailuresInParallelStillLockTheAccountAtFive()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            _app.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = $"wrong {i}" })));
        await Task.WhenAll(attempts);
        var right = await _app.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task PasswordHashingDoesNotHoldUpTheWritesOfOtherRequests()
    {
        var accounts = _app.Services.GetRequiredService<Events.Api.Organisers.OrganiserAccounts>();
        // Six sign-ins at once keep two cores hashing for about 0.3 s; each used to hold the writer meanwhile.
        var signIns = Enumerable.Range(0, 6).Select(_ => Task.Run(() => accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword))).ToList();
        await Task.Delay(15);
        await _app.Db.WriteAsync((c, tx) => { });
        Assert.False(signIns.All(s => s.IsCompleted), "a write waited for every password check");
        Assert.All(await Task.WhenAll(signIns), o => Assert.IsType<Events.Api.Organisers.SignInOutcome.Success>(o));
    }

    [Fact]
    public async Task LoginsAreRateLimitedPerClient()
    {
        using var app = new EventsApp(new() { ["Events:RateLimiting:Enabled"] = "true", ["Events:RateLimiting:LoginsPerWindow"] = "2" });
        using var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "x@example.org", password = "whatever it is" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task TheSignInPageFormSignsInAndSignOutEndsTheSession()
    {
        using var client = _app.Client();
        var anonymous = await client.GetAsync("/organisers");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/organisers/signin", anonymous.Headers.Location!.PathAndQuery);

        var page = await client.GetPageAsync("/organisers/signin");
        var failed = await client.SubmitAsync(page.FormWith("password"), new Dictionary<string, string> { ["email"] = EventsApp.AdminEmail, ["password"] = "nope nope nope" }, "/organisers/signin");
        Assert.Contains("signin-error", await failed.Content.ReadAsStringAsync());
        var ok = await client.SubmitAsync(page.FormWith("password"), new Dictionary<string, string> { ["email"] = EventsApp.AdminEmail, ["password"] = EventsApp.AdminPassword }, "/organisers/signin");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var home = await client.GetPageAsync("/organisers");
        var signOut = await client.SubmitAsync(home.Forms.Last(), new Dictionary<string, string>(), "/organisers?handler=SignOut");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/organisers")).StatusCode);
    }

    [Fact]
    public async Task DoorStaffReachTheOrganiserHome()
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var client = await _app.SignedInClientAsync("door@example.org", "door staff password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisers")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
