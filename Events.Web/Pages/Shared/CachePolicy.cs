using Microsoft.Net.Http.Headers;

namespace Events.Web.Pages.Shared;

/// <summary>
/// Pages that are the same for every visitor who reads that language (the agenda, the privacy notice, the legal notice,
/// the statements) may be kept by the browser for a few minutes: going back and forth between them costs nothing.
/// They carry no antiforgery token (the language switch needs none), which is what made every page <c>no-store</c>.
/// </summary>
public static class CachePolicy
{
    /// <summary>Five minutes: an agenda change shows quickly enough, a reader moving between pages is served from the cache.</summary>
    public const int Seconds = 300;

    public static void SameForEveryone(HttpResponse response)
    {
        response.Headers.CacheControl = $"private, max-age={Seconds}";
        // The language comes from the switch's cookie, else from Accept-Language (which VisitorLanguage already names).
        response.Headers.Append(HeaderNames.Vary, "Cookie");
    }
}
