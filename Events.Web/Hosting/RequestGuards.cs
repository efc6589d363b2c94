using Microsoft.Net.Http.Headers;

namespace Events.Web.Hosting;

/// <summary>
/// Requests no handler can read are refused before they reach one, with the status that says why (the status code
/// pages write the body: problem+json under <c>/api</c>, a page elsewhere). Without this, a JSON body in an unknown
/// charset and a TRACE on a page both ended as 500s from inside the framework.
/// </summary>
public static class RequestGuards
{
    private const string PageMethods = "GET, HEAD, POST";

    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var api = request.Path.StartsWithSegments("/api");
            if (!api && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPost(request.Method) || HttpMethods.IsOptions(request.Method)))
            {
                http.Response.Headers.Allow = PageMethods;
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }
            if (api && !ReadableCharset(request.ContentType))
            {
                http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }
            await next();
        });
        return app;
    }

    /// <summary>JSON is exchanged in UTF-8 (RFC 8259 §8.1): any other charset named is refused, not guessed.</summary>
    private static bool ReadableCharset(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)) return true; // the endpoint decides
        var charset = media.Charset.Value?.Trim('"');
        return string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
