using System.Net;
using System.Threading.RateLimiting;
using Events.Api.Configuration;
using Events.Api.Localisation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Security;

/// <summary>
/// Per-client-address limits on public posts and sign-ins. <c>Events:RateLimiting:Enabled=false</c> turns every
/// limit off (load tests and benchmarks).
/// </summary>
public static class RateLimits
{
    public const string PublicPost = "public-post";
    public const string Login = "login";

    public static IServiceCollection AddEventsRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Events:RateLimiting").Get<RateLimitingOptions>() ?? new();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PublicPost, http => PerAddress(http, options, options.PublicPostsPerWindow));
            limiter.AddPolicy(Login, http => PerAddress(http, options, options.LoginsPerWindow));
            limiter.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = options.WindowSeconds.ToString();
                if (context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(statusCode: 429, title: "Too many requests",
                        detail: $"Try again in {options.WindowSeconds} seconds.").ExecuteAsync(context.HttpContext);
                    return;
                }
                response.ContentType = "text/html; charset=utf-8";
                var fr = VisitorLanguage.Of(context.HttpContext) == Lang.Fr;
                await response.WriteAsync(fr
                    ? "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Trop de tentatives</title><h1>Trop de tentatives</h1><p>Réessayez dans une minute. <a href=\"/\">Retour à l'accueil</a></p></html>"
                    : "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too many attempts</title><h1>Too many attempts</h1><p>Try again in a minute. <a href=\"/\">Back to the home page</a></p></html>", ct);
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, RateLimitingOptions options, int permits)
    {
        // Pages carry the policy for their form posts; reading them is never limited.
        if (!options.Enabled || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            return RateLimitPartition.GetNoLimiter("off");
        var address = http.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        return RateLimitPartition.GetFixedWindowLimiter(address.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
        });
    }
}
