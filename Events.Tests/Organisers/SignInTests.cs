using System.Net;
using System.Net.Http.Json;
using Events.Api.Organisers;
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
    public async Task FiveFailuresFromOneAddressMakeItWaitEvenWithTheRightPassword()
    {
        using var client = _app.Client();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = $"wrong {i}" });
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task FailuresInParallelStillCountToFive()
    {
        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            _app.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = $"wrong {i}" })));
        await Task.WhenAll(attempts);
        var right = await _app.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    /// <summary>
    /// Holds the single database writer inside another request's write until disposed. Whatever a sign-in does
    /// before its short update therefore happens while the writer is busy, which is the rule under test.
    /// </summary>
    private sealed class HeldWriter : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public HeldWriter(Events.Api.Storage.Db db)
        {
            using var inside = new ManualResetEventSlim();
            Write = db.WriteAsync((c, tx) => { inside.Set(); _release.Wait(); });
            Assert.True(inside.Wait(TimeSpan.FromSeconds(30)), "the writer never ran the holding write");
        }

        public Task Write { get; }

        public void Dispose() => _release.Set();
    }

    [Fact]
    public async Task PasswordHashingDoesNotHoldUpTheWritesOfOtherRequests()
    {
        var accounts = _app.Services.GetRequiredService<Events.Api.Organisers.OrganiserAccounts>();
        List<Task<Events.Api.Organisers.SignInOutcome>> signIns;
        Task other;
        using (var writer = new HeldWriter(_app.Db))
        {
            // Six sign-ins check their passwords (about 0.1 s of CPU each) while another request holds the writer;
            // each then waits for its short update only. An unknown address needs no update at all.
            signIns = Enumerable.Range(0, 6).Select(_ => accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword)).ToList();
            var unknown = accounts.SignInAsync("nobody@example.org", "not the password");
            Assert.True(unknown.IsCompletedSuccessfully, "an unknown address waited for the writer");
            Assert.IsType<Events.Api.Organisers.SignInOutcome.Failed>(await unknown);
            other = _app.Db.WriteAsync((c, tx) => { });
            Assert.False(signIns.All(s => s.IsCompleted) || other.IsCompleted, "a write or a sign-in went past the held writer");
        }
        await other;
        Assert.All(await Task.WhenAll(signIns), o => Assert.IsType<Events.Api.Organisers.SignInOutcome.Success>(o));
    }

    [Fact]
    public async Task GuessesFromOneAddressNeverSlowTheRightPersonOnAnother()
    {
        var accounts = _app.Services.GetRequiredService<OrganiserAccounts>();
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++)
            Assert.IsType<SignInOutcome.Failed>(await accounts.SignInAsync(EventsApp.AdminEmail, $"wrong {i}", Attacker));
        Assert.IsType<SignInOutcome.TooManyFailures>(await accounts.SignInAsync(EventsApp.AdminEmail, "wrong again", Attacker));

        Assert.IsType<SignInOutcome.Success>(await accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword, "198.51.100.7"));
        Assert.IsType<SignInOutcome.TooManyFailures>(await accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword, Attacker));
    }

    [Fact]
    public async Task TheWaitDoublesAfterEachFurtherFailureAndEndsByItself()
    {
        var clock = new ManualClock(new DateTimeOffset(2027, 6, 26, 7, 0, 0, TimeSpan.Zero));
        using var app = new EventsApp(clock: clock);
        var accounts = app.Services.GetRequiredService<OrganiserAccounts>();
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++) await accounts.SignInAsync(EventsApp.AdminEmail, $"wrong {i}", Attacker);
        var first = Assert.IsType<SignInOutcome.TooManyFailures>(await accounts.SignInAsync(EventsApp.AdminEmail, "wrong", Attacker));
        Assert.Equal(clock.Now + SignInThrottle.FirstDelay, first.RetryAt);

        clock.Now = first.RetryAt;
        var second = Assert.IsType<SignInOutcome.TooManyFailures>(await accounts.SignInAsync(EventsApp.AdminEmail, "still wrong", Attacker));
        Assert.Equal(clock.Now + 2 * SignInThrottle.FirstDelay, second.RetryAt);
        Assert.IsType<SignInOutcome.TooManyFailures>(await accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword, Attacker));

        clock.Now = second.RetryAt;
        Assert.IsType<SignInOutcome.Success>(await accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword, Attacker));
        Assert.IsType<SignInOutcome.Failed>(await accounts.SignInAsync(EventsApp.AdminEmail, "a fresh start", Attacker)); // success forgave
    }

    [Fact]
    public async Task AnAddressWithNoAccountIsSlowedExactlyLikeOneWithAnAccount()
    {
        var accounts = _app.Services.GetRequiredService<OrganiserAccounts>();
        var known = new List<SignInOutcome>();
        var unknown = new List<SignInOutcome>();
        for (var i = 0; i <= SignInThrottle.FreeFailures; i++)
        {
            known.Add(await accounts.SignInAsync(EventsApp.AdminEmail, $"wrong {i}", Attacker));
            unknown.Add(await accounts.SignInAsync("nobody@example.org", $"wrong {i}", Attacker));
        }
        Assert.Equal(known.Select(o => o.GetType()), unknown.Select(o => o.GetType()));
        Assert.IsType<SignInOutcome.TooManyFailures>(unknown[^1]);
    }

    [Fact]
    public async Task APasswordChangedWhileTheOldOneWasBeingCheckedRefusesTheSignIn()
    {
        var accounts = _app.Services.GetRequiredService<OrganiserAccounts>();
        long id;
        using (var c = _app.Db.OpenRead()) id = OrganiserStore.ByEmail(c, EventsApp.AdminEmail)!.Id;
        Task<SignInOutcome> signIn;
        using (new HeldWriter(_app.Db))
        {
            // The new password is queued first; the sign-in checks the old one against what is committed (synchronously,
            // before its first await), then queues its update behind it.
            _ = _app.Db.WriteAsync((c, tx) => OrganiserStore.SetPassword(c, tx, id, OrganiserAccounts.HashPassword("a brand new password"), DateTimeOffset.UtcNow));
            signIn = accounts.SignInAsync(EventsApp.AdminEmail, EventsApp.AdminPassword, "198.51.100.7");
        }
        Assert.IsType<SignInOutcome.Failed>(await signIn);
        Assert.IsType<SignInOutcome.Success>(await accounts.SignInAsync(EventsApp.AdminEmail, "a brand new password", "198.51.100.7"));
    }

    private const string Attacker = "203.0.113.9";

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
        var signOut = await client.SubmitAsync(home.Forms.Single(f => f.Id == "signout-form"), new Dictionary<string, string>(), "/organisers?handler=SignOut");
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
