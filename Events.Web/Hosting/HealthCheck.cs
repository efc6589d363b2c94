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
    /// 200 when a write commits now: one row through the writer, as real writes go (a full disk or a read-only file says
    /// 503 and why), and nothing more, so a load balancer may ask often. With <c>?deep=1</c> (or <c>true</c>, <c>yes</c>),
    /// also SQLite's integrity check, which reads the whole file.
    /// </summary>
    public static async Task<IResult> Ready(Db db, string? deep, CancellationToken ct)
    {
        if (Flag(deep) is not { } thorough)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["deep"] = ["deep is 1, true or yes (or 0, false, no)."] });
        if (await db.WriteProblemAsync(ct) is { } problem) return Results.Text("not ready: " + problem, statusCode: 503);
        if (thorough && db.IntegrityCheck() is var integrity and not "ok") return Results.Text("not ready: integrity check: " + integrity, statusCode: 503);
        return Results.Text("ok");
    }

    /// <summary>A yes or no as operators type it in a probe's address; null when it is neither.</summary>
    private static bool? Flag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "false" or "no" => false,
        "1" or "true" or "yes" => true,
        _ => null,
    };
}
