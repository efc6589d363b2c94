using System.Net;
using System.Net.Http.Json;
using Events.Tests.Infrastructure;

namespace Events.Tests.Registration;

/// <summary>
/// X-Forwarded-For names the client only when the request comes from a proxy listed in
/// <c>ForwardedHeaders:KnownProxies</c>; otherwise a client could pick a new address per request and dodge the rate
/// limits. Over a real loopback connection, where ASP.NET Core would trust the header by default.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task WithNoKnownProxyARotatingForwardedAddressDoesNotDodgeTheRateLimit()
    {
        var statuses = await SignInsWithRotatingAddresses(knownProxy: null);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task BehindAKnownProxyEachForwardedClientHasItsOwnLimit()
    {
        var statuses = await SignInsWithRotatingAddresses(knownProxy: "127.0.0.1");
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
    }

    private static async Task<List<HttpStatusCode>> SignInsWithRotatingAddresses(string? knownProxy)
    {
        var settings = new Dictionary<string, string?> { ["Events:RateLimiting:Enabled"] = "true", ["Events:RateLimiting:LoginsPerWindow"] = "2" };
        if (knownProxy is not null) settings["ForwardedHeaders:KnownProxies:0"] = knownProxy;
        using var live = new LiveApp(settings);
        using var client = new HttpClient { BaseAddress = new Uri(live.BaseUrl) };
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
            {
                Content = JsonContent.Create(new { email = "x@example.org", password = "whatever it is" }),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }
}
