using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Events.Api.Security;

/// <summary>Headers on every response, and the cap on request bodies.</summary>
public static class SecurityHeaders
{
    /// <summary>No inline script or style; nothing from another origin; never framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; worker-src 'self'";

    /// <summary>
    /// JSON is never a document: it may load nothing and never be framed. The headers that only matter to pages
    /// (camera permission, framing by X-Frame-Options, opener isolation) are left off the API's answers: at the door a
    /// phone exchanges them with every scan and every roster pull, a third of the bytes of an answer.
    /// </summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const long MaxBodyBytes = 64 * 1024;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Path.StartsWithSegments("/api"))
            headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
        else
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
        }

        // Bodies beyond 64 KB are refused before anything reads them (the offline check-in batch stays far below).
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
                await Results.Problem(statusCode: 413, title: "Request too large", detail: "The body may not exceed 64 KB.").ExecuteAsync(context);
            else
            {
                // A page's form: a page in the visitor's language, not JSON.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Localisation.VisitorLanguage.Of(context) == Localisation.Lang.Fr
                    ? "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Envoi trop volumineux</title><h1>Envoi trop volumineux</h1><p>Le formulaire envoyé dépasse 64\u00A0Ko : raccourcissez les textes et réessayez. <a href=\"/\">Retour à l'accueil</a></p></html>"
                    : "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Too much sent</title><h1>Too much sent</h1><p>The form sent is over 64 KB: shorten the texts and try again. <a href=\"/\">Back to the home page</a></p></html>");
            }
            return;
        }
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        await next(context);
    });
}
