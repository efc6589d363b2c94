using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Events.Api.Security;

/// <summary>The one set of options every sign-in cookie shares (organisers', speakers').</summary>
public static class AuthCookies
{
    public const string Organiser = ".Events.Auth";
    public const string Speaker = ".Events.Speaker";

    /// <summary>
    /// HttpOnly; Secure over HTTPS (plain HTTP on loopback still works for local use and tests); SameSite=Lax so a
    /// link from an e-mail arrives signed in; 12 hours that slide with use.
    /// </summary>
    public static void Configure(CookieAuthenticationOptions cookie, string name, string signInPath, string deniedPath)
    {
        cookie.Cookie.Name = name;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        cookie.SlidingExpiration = true;
        cookie.LoginPath = signInPath;
        cookie.AccessDeniedPath = deniedPath;
    }
}
