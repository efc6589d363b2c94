using System.Net;
using Events.Api.Organisers;
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
    /// 200 when a write commits: the answer of a one-row write through the writer at most <see cref="Readiness.Fresh"/>
    /// old, so any number of callers cost one probe every few seconds, and a probe empties no cached read. With
    /// <c>?deep=1</c> (or <c>true</c>, <c>yes</c>), also SQLite's integrity check, which reads the whole file: for admins
    /// and for the machine itself (loopback) only, and at most once a minute (a later call gets that answer).
    /// </summary>
    public static async Task<IResult> Ready(Readiness readiness, HttpContext http, string? deep, CancellationToken ct)
    {
        if (Flag(deep) is not { } thorough)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["deep"] = ["deep is 1, true or yes (or 0, false, no)."] });
        if (thorough && !http.User.IsInRole(Roles.Admin) && http.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Deep check refused",
                detail: "The integrity check reads the whole database: it answers admins and the machine itself (loopback) only.");
        var problem = thorough ? await readiness.DeepProblemAsync(ct) : await readiness.ProblemAsync(ct);
        return problem is null ? Results.Text("ok") : Results.Text("not ready: " + problem, statusCode: 503);
    }

    /// <summary>A yes or no as operators type it in a probe's address; null when it is neither.</summary>
    private static bool? Flag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "0" or "false" or "no" => false,
        "1" or "true" or "yes" => true,
        _ => null,
    };
}

/// <summary>
/// The readiness answers, kept a little while: one probe runs at a time, and its answer serves every caller until it is
/// <see cref="Fresh"/> old (the deep check's until <see cref="DeepFresh"/>), so an anonymous flood costs nothing.
/// </summary>
public sealed class Readiness(Db db, TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan DeepFresh = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _one = new(1, 1);
    private (DateTimeOffset At, string? Problem)? _write, _deep;

    /// <summary>Null when a write commits, else why not.</summary>
    public Task<string?> ProblemAsync(CancellationToken ct) => Cached(() => _write, v => _write = v, Fresh, () => db.WriteProblemAsync(ct), ct);

    /// <summary>The same, then the integrity check.</summary>
    public Task<string?> DeepProblemAsync(CancellationToken ct) => Cached(() => _deep, v => _deep = v, DeepFresh, async () =>
        await db.WriteProblemAsync(ct) ?? (db.IntegrityCheck() is var integrity and not "ok" ? "integrity check: " + integrity : null), ct);

    private async Task<string?> Cached(Func<(DateTimeOffset At, string? Problem)?> read, Action<(DateTimeOffset, string?)> write, TimeSpan fresh,
        Func<Task<string?>> probe, CancellationToken ct)
    {
        // A kept "ok" is not repeated once a real write has failed since: the probe runs again and says why.
        if (read() is { } kept && clock.GetUtcNow() - kept.At < fresh && (kept.Problem is not null || !db.Faults.Failing)) return kept.Problem;
        await _one.WaitAsync(ct);
        try
        {
            if (read() is { } again && clock.GetUtcNow() - again.At < fresh && (again.Problem is not null || !db.Faults.Failing))
                return again.Problem; // another caller just probed
            var problem = await probe();
            write((clock.GetUtcNow(), problem));
            return problem;
        }
        finally { _one.Release(); }
    }
}
