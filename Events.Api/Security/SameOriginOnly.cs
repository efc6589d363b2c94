using Microsoft.AspNetCore.Http;

namespace Events.Api.Security;

/// <summary>
/// For a state change with no body: a cross-site page can send it as a plain form or a no-cors fetch, which need no
/// preflight, and a same-site sub-domain would even carry the SameSite=Lax cookie. Browsers name the page that sent a
/// POST (<c>Origin</c>, <c>Sec-Fetch-Site</c>); a request from another origin is refused with 403. API clients outside
/// a browser send neither header and pass.
/// </summary>
public sealed class SameOriginOnly : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var sameOrigin = (site.Length == 0 || site is "same-origin" or "none")
            && (origin.Length == 0 || (Uri.TryCreate(origin, UriKind.Absolute, out var o)
                && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
                && string.Equals(o.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)));
        return sameOrigin
            ? await next(context)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-origin request refused",
                detail: "This request must come from the app's own pages or from a client outside a browser.");
    }
}
