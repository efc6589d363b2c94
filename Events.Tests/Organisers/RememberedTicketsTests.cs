using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Events.Api.Organisers;
using Events.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Tests.Organisers;

/// <summary>Decrypted sign-in cookies remembered for a minute: the same answers as decrypting each time.</summary>
public sealed class RememberedTicketsTests
{
    [Fact]
    public void TheSameCookieIsDecryptedOnceAMinuteAndEachRequestGetsItsOwnCopy()
    {
        var inner = new CountingFormat();
        var clock = new ManualClock();
        var tickets = new RememberedTickets(inner, clock);

        var first = tickets.Unprotect("cookie-a")!;
        first.Properties.ExpiresUtc = DateTimeOffset.UnixEpoch; // what a handler may do to its copy
        var second = tickets.Unprotect("cookie-a")!;
        Assert.Equal(1, inner.Calls);
        Assert.NotSame(first, second);
        Assert.Equal(CountingFormat.Expiry, second.Properties.ExpiresUtc);
        Assert.Equal("organiser for cookie-a", second.Principal.Identity!.Name);

        tickets.Unprotect("cookie-b");
        Assert.Equal(2, inner.Calls);

        clock.Now += TimeSpan.FromSeconds(61);
        tickets.Unprotect("cookie-a");
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public void ARefusedCookieIsNeverRememberedAndPurposesGoStraightThrough()
    {
        var inner = new CountingFormat();
        var tickets = new RememberedTickets(inner, new ManualClock());

        Assert.Null(tickets.Unprotect("forged"));
        Assert.Null(tickets.Unprotect("forged"));
        Assert.Equal(2, inner.Calls);

        tickets.Unprotect("cookie-a", "another purpose");
        tickets.Unprotect("cookie-a", "another purpose");
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task AnAlteredCookieIsRefusedEvenRightAfterTheGenuineOneWasAccepted()
    {
        using var app = new EventsApp();
        using var door = await app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await door.GetAsync("/api/v1/checkins/roster")).StatusCode);

        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        Assert.IsType<RememberedTickets>(options.Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat);

        var genuine = await SignInCookieAsync(app);
        var altered = genuine[..^2] + (genuine[^2] == 'A' ? 'B' : 'A') + genuine[^1];
        foreach (var (value, expected) in new[] { (genuine, HttpStatusCode.OK), (altered, HttpStatusCode.Unauthorized), (genuine, HttpStatusCode.OK) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/checkins/roster");
            request.Headers.Add("Cookie", $"{OrganiserAuth.CookieName}={value}");
            Assert.Equal(expected, (await app.CreateClient().SendAsync(request)).StatusCode);
        }
    }

    private static async Task<string> SignInCookieAsync(EventsApp app)
    {
        var response = await app.CreateClient(new() { HandleCookies = false })
            .PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword });
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(OrganiserAuth.CookieName + "="));
        return header[(OrganiserAuth.CookieName.Length + 1)..header.IndexOf(';')];
    }

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public static readonly DateTimeOffset Expiry = new(2027, 6, 26, 18, 0, 0, TimeSpan.Zero);
        public int Calls;
        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();
        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();
        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Calls++;
            if (protectedText == "forged") return null;
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, $"organiser for {protectedText}")], "test"));
            return new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = Expiry }, "test");
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now = new(2027, 6, 26, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
