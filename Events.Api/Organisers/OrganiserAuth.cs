using System.Security.Claims;
using Events.Api.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Api.Organisers;

/// <summary>Cookie sign-in for organisers, and the role policies every organiser endpoint and page names.</summary>
public static class OrganiserAuth
{
    public const string CookieName = ".Events.Auth";

    /// <summary>The claim carrying the server-side session's id (see <see cref="OrganiserSessions"/>).</summary>
    public const string SessionClaim = "session";

    public static IServiceCollection AddOrganiserAuth(this IServiceCollection services)
    {
        services.AddSingleton<OrganiserAccounts>();
        services.AddSingleton<OrganiserInvitations>();
        services.AddSingleton<Mail.IOutboxComposer, OrganiserInvitationMail>();
        services.AddSingleton<OrganiserSessions>();
        services.AddSingleton<OrganiserAccess>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest; // Secure over HTTPS; loopback HTTP still works
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/organisers/signin";
            cookie.AccessDeniedPath = "/organisers/denied";
            // The JSON API answers 401/403 as problem+json instead of redirecting to a page.
            cookie.Events.OnValidatePrincipal = OrganiserAccess.ValidateAsync;
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Runs after the cookie handler's own set-up, which creates the Data Protection ticket format it wraps.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((cookie, clock) => cookie.TicketDataFormat = new RememberedTickets(cookie.TicketDataFormat, clock));
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.DoorPolicy, p => p.RequireRole(Roles.Admin, Roles.Door));
        return services;
    }

    /// <summary>The first admin from configuration; failing that, a one-time setup link in the log.</summary>
    public static void EnsureConfiguredAdmin(this IServiceProvider services)
    {
        services.GetRequiredService<OrganiserAccounts>().EnsureConfiguredAdmin(services.GetRequiredService<IOptions<EventsOptions>>().Value.Admin);
        services.GetRequiredService<OrganiserInvitations>().PrintSetupLinkIfNoAdmin();
    }

    // Short claim names, and no e-mail address: the cookie travels with every scan at the door, and the standard
    // claim types are URIs of 60 characters each (the cookie went from 646 to about 400 characters).
    public const string IdClaim = "id";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";

    public static ClaimsPrincipal Principal(Organiser organiser, string sessionId) => new(new ClaimsIdentity(
    [
        new Claim(IdClaim, organiser.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new Claim(NameClaim, organiser.Name.Length > 0 ? organiser.Name : organiser.Email),
        new Claim(RoleClaim, organiser.Role),
        new Claim(SessionClaim, sessionId),
    ], CookieAuthenticationDefaults.AuthenticationScheme, NameClaim, RoleClaim));

    /// <summary>Starts a server-side session and sets the cookie that carries it; false, and no cookie, when the access was removed meanwhile.</summary>
    public static async Task<bool> SignInAsync(HttpContext http, Organiser organiser)
    {
        var sessionId = await http.RequestServices.GetRequiredService<OrganiserSessions>().StartAsync(organiser.Id, http.RequestAborted);
        if (sessionId is null) return false;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(organiser, sessionId));
        return true;
    }

    /// <summary>Ends the signed-in session on the server, then deletes the cookie: a copy of it opens nothing afterwards.</summary>
    public static async Task SignOutAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(SessionClaim) is { } sessionId)
            await http.RequestServices.GetRequiredService<OrganiserSessions>().EndAsync(sessionId, CancellationToken.None);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The signed-in organiser's id, from the cookie.</summary>
    public static long? OrganiserId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(IdClaim), out var id) ? id : null;

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            return Results.Problem(statusCode: status, title: status == 401 ? "Sign-in required" : "Forbidden",
                detail: status == 401 ? "Sign in as an organiser first (POST /api/v1/auth/login)." : "Your role does not allow this.")
                .ExecuteAsync(context.HttpContext);
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
