using Events.Api.Storage;

namespace Events.Web.Hosting;

/// <summary><c>/healthz</c> (is the process alive: cheap, for a load balancer) and <c>/healthz/ready</c> (can it do its job).</summary>
public static class HealthCheck
{
    public static IEndpointRouteBuilder MapHealthChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Live).ExcludeFromDescription();
        routes.MapGet("/healthz/ready", Ready).ExcludeFromDescription();
        return routes;
    }

    /// <summary>200 when the database answers a read.</summary>
    public static IResult Live(Db db) => db.Answers() ? Results.Text("ok") : Results.StatusCode(503);

    /// <summary>
    /// 200 when a write commits now (a full disk or a read-only file says 503 and why); with <c>?deep=1</c>, also
    /// SQLite's integrity check of the whole file.
    /// </summary>
    public static async Task<IResult> Ready(Db db, bool? deep, CancellationToken ct)
    {
        if (await db.WriteProblemAsync(ct) is { } problem) return Results.Text("not ready: " + problem, statusCode: 503);
        if (deep == true && db.IntegrityCheck() is var integrity and not "ok") return Results.Text("not ready: integrity check: " + integrity, statusCode: 503);
        return Results.Text("ok");
    }
}
