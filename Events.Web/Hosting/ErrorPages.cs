using System.Net;
using Events.Api.Localisation;
using Microsoft.AspNetCore.Diagnostics;

namespace Events.Web.Hosting;

/// <summary>Errors as <c>application/problem+json</c> under <c>/api</c>, as a short readable page elsewhere.</summary>
public static class ErrorPages
{
    public static async Task HandleException(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is BadHttpRequestException bad ? bad.StatusCode : 500;
        http.Response.StatusCode = status;
        await Write(http, status, status == 500 ? null : error?.Message);
    }

    public static Task HandleStatusCode(StatusCodeContext context) =>
        Write(context.HttpContext, context.HttpContext.Response.StatusCode, null);

    private static async Task Write(HttpContext http, int status, string? detail)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status, Title = ReasonPhrase(status), Detail = status == 500 ? null : detail },
            });
            return;
        }
        var t = http.RequestServices.GetRequiredService<Localisation.UiText>().Texts;
        var (title, text) = status == 404 ? (t["not_found_title"], t["not_found_text"]) : (t["error_title"], t["error_text"]);
        http.Response.ContentType = "text/html; charset=utf-8";
        string E(string key) => WebUtility.HtmlEncode(t[key]);
        // The same frame as every page, without the parts that need the app (the menus, the event's name): the
        // footer's accessibility status and statements are owed on this page too.
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="{t.Lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)}</title><link rel="stylesheet" href="/site.css"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
            <body><main id="main" class="wrap"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href="/">{E("back_home")}</a></p></main>
            <footer class="site-footer"><div class="wrap"><ul><li><a href="/accessibility">{E("footer_accessibility")}</a></li><li><a href="/legal">{E("legal_title")}</a></li>
            <li><a href="/privacy">{E("nav_privacy")}</a></li><li><a href="/eco-design">{E("eco_title")}</a></li></ul></div></footer></body></html>
            """);
    }

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
