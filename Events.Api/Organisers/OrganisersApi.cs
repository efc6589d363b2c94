using Events.Api.Localisation;
using Events.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Events.Api.Organisers;

/// <summary>Sign-in and sign-out for API clients: the same cookie and server-side session as the sign-in page.</summary>
public static class OrganisersApi
{
    public static RouteGroupBuilder MapOrganisersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/auth").WithTags("Organisers");
        api.MapPost("/login", Login).WithName("Login").WithSummary("Sign in as an organiser; sets the authentication cookie.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests) // rate limit per address, or the account locked
            .RequireRateLimiting(RateLimits.Login);
        api.MapPost("/logout", (Delegate)Logout).WithName("Logout")
            .WithSummary("Sign out: ends this session on the server and deletes the cookie. Refused (403) from another origin.")
            .AddEndpointFilter<SameOriginOnly>().ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest body, OrganiserAccounts accounts, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Email)) errors["email"] = [Texts.English["required"]];
        if (string.IsNullOrEmpty(body.Password)) errors["password"] = [Texts.English["required"]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var outcome = await accounts.SignInAsync(body.Email, body.Password, http.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome is SignInOutcome.Success(var organiser) && await OrganiserAuth.SignInAsync(http, organiser)) return TypedResults.NoContent();
        if (outcome is SignInOutcome.TooManyFailures(var retryAt))
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((retryAt - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return outcome is SignInOutcome.TooManyFailures
            ? TypedResults.Problem(statusCode: 429, title: "Too many failed attempts", detail: Texts.English["signin_locked"])
            : TypedResults.Problem(statusCode: 401, title: "Sign-in failed", detail: "Wrong e-mail address or password.");
    }

    public static async Task<NoContent> Logout(HttpContext http)
    {
        await OrganiserAuth.SignOutAsync(http);
        return TypedResults.NoContent();
    }
}
