using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Events.Api.Localisation;

/// <summary>
/// The one rule for the language a visitor is answered in: the <c>.Events.Lang</c> cookie set by the FR/EN switch;
/// otherwise the browser's preferred language among French and English; French otherwise. (Pages reached from an
/// e-mail link may also prefer the registration's language while nothing was chosen: see <c>UiText</c>.)
/// </summary>
public static class VisitorLanguage
{
    public const string Cookie = ".Events.Lang";

    /// <summary>The language chosen with the switch, or null when the visitor never used it.</summary>
    public static string? Chosen(HttpRequest request) =>
        request.Cookies[Cookie] is { } chosen && Lang.IsSupported(chosen) ? chosen : null;

    /// <summary>The visitor's language, by the rule above.</summary>
    public static string Of(HttpContext http) => Chosen(http.Request) ?? FromBrowser(http) ?? Lang.Fr;

    /// <summary>Remembers the switch's choice for a year.</summary>
    public static void Choose(HttpContext http, string? lang) =>
        http.Response.Cookies.Append(Cookie, Lang.OrDefault(lang), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });

    /// <summary>The first of French or English in the browser's <c>Accept-Language</c>, by preference; null when neither is there.</summary>
    public static string? FromBrowser(HttpContext http)
    {
        // The same address answers in either language: caches must keep them apart.
        if (!http.Response.HasStarted) http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in preferred)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith(Lang.Fr, StringComparison.OrdinalIgnoreCase)) return Lang.Fr;
            if (tag.StartsWith(Lang.En, StringComparison.OrdinalIgnoreCase)) return Lang.En;
        }
        return null;
    }
}
