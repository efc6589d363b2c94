using System.Security.Claims;
using Events.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Agenda;

/// <summary>
/// Speakers have their own cookie scheme, apart from organisers': a speaker's cookie carries a speaker id and no
/// role, and the organiser policies never read it.
/// </summary>
public static class SpeakerAuth
{
    public const string Scheme = "Speaker";
    public const string CookieName = AuthCookies.Speaker;
    /// <summary>Policy: a signed-in speaker (speaker cookie only).</summary>
    public const string Policy = "speaker";
    public const string SpeakerIdClaim = "speaker_id";
    private const string EitherScheme = "OrganiserOrSpeaker";

    public static IServiceCollection AddSpeakerAuth(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            AuthCookies.Configure(cookie, CookieName, "/speakers/signin", "/speakers/signin");
            // A speaker removed from the agenda is signed out at their next request: their cookie opens nothing.
            cookie.Events.OnValidatePrincipal = async context =>
            {
                var agenda = context.HttpContext.RequestServices.GetRequiredService<AgendaService>();
                if (context.Principal?.SpeakerId() is { } id && agenda.FindSpeaker(id) is not null) return;
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            };
        });
        // Requests carrying only a speaker cookie are authenticated as that speaker everywhere (so the antiforgery token
        // of the language switch matches); the organiser cookie wins when both are present. Neither grants the other's rights.
        services.AddAuthentication().AddPolicyScheme(EitherScheme, EitherScheme, policy => policy.ForwardDefaultSelector = http =>
            !http.Request.Cookies.ContainsKey(AuthCookies.Organiser) && http.Request.Cookies.ContainsKey(CookieName)
                ? Scheme : CookieAuthenticationDefaults.AuthenticationScheme);
        services.Configure<AuthenticationOptions>(options => options.DefaultAuthenticateScheme = EitherScheme);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireClaim(SpeakerIdClaim));
        return services;
    }

    public static Task SignInAsync(HttpContext http, Speaker speaker) =>
        http.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(SpeakerIdClaim, speaker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, speaker.DisplayName),
        ], Scheme)));

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    /// <summary>The signed-in speaker's id (from the speaker cookie, as set by the policy).</summary>
    public static long? SpeakerId(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SpeakerIdClaim), out var id) ? id : null;
}
