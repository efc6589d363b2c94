using Events.Api.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace Events.Web.Localisation;

/// <summary>The visible FR/EN switch: a small form (no state change on GET) that remembers the choice and returns to the same page.</summary>
public static class LanguageSwitch
{
    public static IEndpointConventionBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/lang", Switch).ExcludeFromDescription().DisableAntiforgery();

    // No antiforgery token: the worst a forged post can do is show someone the other language, which the button on
    // every page undoes; a token in every page's switch would make every page uncacheable (CachePolicy).
    private static IResult Switch(HttpContext http, [FromForm] string? lang, [FromForm] string? returnUrl)
    {
        VisitorLanguage.Choose(http, lang);
        return Results.LocalRedirect(IsSafeReturn(returnUrl) ? returnUrl! : "/");
    }

    /// <summary>
    /// A path on this site, as browsers send it (percent-encoded, printable ASCII): anything else (another site, a tab,
    /// a line break, a raw non-ASCII letter a Location header cannot carry) goes back to the home page instead.
    /// </summary>
    public static bool IsSafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
        && returnUrl.All(c => c is > ' ' and < '\u007F' and not '\\');
}
