using Events.Api.Localisation;
using Events.Api.Storage;

namespace Events.Web.Hosting;

/// <summary>
/// While the disk refuses writes (full, or gone read-only), requests that write get a 503 that says to try again
/// (problem+json for the API, a short page otherwise) instead of a 500, and the log says so once a minute with a
/// count instead of a stack trace per request. Everything recovers by itself once a write succeeds.
/// </summary>
public static class StorageFaultPages
{
    public static IApplicationBuilder UseStorageFaultPages(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<Db>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Events.Storage");
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var reportEvery = TimeSpan.FromMinutes(1);
        var lastReport = DateTimeOffset.MinValue;
        var gate = new Lock();
        return app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (StorageUnavailableException) when (!http.Response.HasStarted)
            {
                lock (gate)
                    if (clock.GetUtcNow() - lastReport >= reportEvery && db.Faults.TakeReport() is ({ } count and > 0, var cause))
                    {
                        lastReport = clock.GetUtcNow();
                        log.LogError("Writes are failing: {Cause} ({Count} since the last report); requests that write get 503 until it recovers", cause, count);
                    }
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "60";
                var fr = VisitorLanguage.Of(http) == Lang.Fr;
                if (http.Request.Path.StartsWithSegments("/api"))
                    await Results.Problem(statusCode: 503, title: "Service unavailable",
                        detail: "The service cannot save anything right now. Nothing was saved: try again in a minute.").ExecuteAsync(http);
                else
                {
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync(fr
                        ? "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Service momentanément indisponible</title><h1>Service momentanément indisponible</h1><p>Rien n'a été enregistré. Réessayez dans une minute. <a href=\"/\">Retour à l'accueil</a></p></html>"
                        : "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Service unavailable for a moment</title><h1>Service unavailable for a moment</h1><p>Nothing was saved. Try again in a minute. <a href=\"/\">Back to the home page</a></p></html>");
                }
            }
        });
    }
}
