using Events.Api.Localisation;
using Microsoft.AspNetCore.Mvc;

namespace Events.Web.Localisation;

/// <summary>The visible FR/EN switch: a small form (no state change on GET) that remembers the choice and returns to the same page.</summary>
public static class LanguageSwitch
{
    public static IEndpointConventionBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/lang", Switch).ExcludeFromDescription();

    // Antiforgery is checked by UseAntiforgery, as for every form-bound endpoint.
    private static IResult Switch(HttpContext http, [FromForm] string? lang, [FromForm] string? returnUrl)
    {
        VisitorLanguage.Choose(http, lang);
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }
}
