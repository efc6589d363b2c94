using System.Text.Json;
using System.Text.RegularExpressions;
using Events.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Platform;

/// <summary>
/// <c>/openapi/v1.json</c> is what integrators generate clients from: the rules Redocly's "recommended" set checks,
/// held here so that a new route cannot quietly break them.
/// </summary>
public sealed partial class OpenApiTests : IDisposable
{
    private readonly EventsApp _app = new();

    /// <summary>
    /// Reads that nothing a client sends can make fail (no parameter, no body, no role, no limit): documenting a 4xx
    /// there would be an invention. Listed so that any other operation without a 4xx fails the test.
    /// </summary>
    private static readonly HashSet<string> CannotFail = ["GET /api/v1/event", "GET /api/v1/agenda", "GET /agenda.ics"];

    private async Task<List<Operation>> OperationsAsync()
    {
        using var client = _app.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
            operations.Add(new(
                $"{op.Name.ToUpperInvariant()} {path.Name}",
                op.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                op.Value.TryGetProperty("summary", out var summary) ? summary.GetString() : null,
                op.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList(),
                op.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList()
                    : null));
        return operations;
    }

    private sealed record Operation(string Key, string? Id, string? Summary, List<string> Responses, List<string>? Security);

    /// <summary>"METHOD /path" of every endpoint that requires a signed-in organiser, read from the app's routes, not from the document.</summary>
    private HashSet<string> ProtectedRoutes() => _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {DocumentPath(e.RoutePattern.RawText!)}"))
        .ToHashSet();

    /// <summary>The route as the document writes it: leading slash, no constraint, no trailing slash.</summary>
    private static string DocumentPath(string pattern) => "/" + Constraint().Replace(pattern, "{$1}").Trim('/');

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();

    [Fact]
    public async Task EveryOperationHasAUniqueOperationIdAndASummary()
    {
        var operations = await OperationsAsync();
        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Id), $"{o.Key} has no operationId (WithName)"));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Summary), $"{o.Key} has no summary"));
        Assert.Empty(operations.GroupBy(o => o.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public async Task EveryOperationThatCanFailDocumentsAClientError()
    {
        var operations = await OperationsAsync();
        Assert.Empty(CannotFail.Except(operations.Select(o => o.Key)));
        foreach (var o in operations)
        {
            var clientErrors = o.Responses.Where(r => r.StartsWith('4')).ToList();
            if (CannotFail.Contains(o.Key)) Assert.True(clientErrors.Count == 0, $"{o.Key} documents {string.Join(", ", clientErrors)}: take it off the list");
            else Assert.True(clientErrors.Count > 0, $"{o.Key} documents no 4xx answer (ProducesProblem)");
        }
    }

    [Fact]
    public async Task OperationsThatNeedARoleDeclareTheCookieAnd401And403()
    {
        var operations = await OperationsAsync();
        var protectedRoutes = ProtectedRoutes();
        Assert.Contains("POST /api/v1/checkins", protectedRoutes);
        foreach (var o in operations)
        {
            if (protectedRoutes.Contains(o.Key))
            {
                Assert.True(o.Security is [Web.Hosting.ApiDocument.CookieScheme], $"{o.Key} does not require the organiser cookie");
                Assert.Contains("401", o.Responses);
                Assert.Contains("403", o.Responses);
            }
            else
                Assert.True(o.Security is [], $"{o.Key} should declare no credentials (security: [])");
        }
    }

    [Fact]
    public async Task TheCookieSchemeIsDescribedInTheComponents()
    {
        using var client = _app.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty(Web.Hosting.ApiDocument.CookieScheme);
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("cookie", scheme.GetProperty("in").GetString());
        Assert.Equal(".Events.Auth", scheme.GetProperty("name").GetString());
    }

    public void Dispose() => _app.Dispose();
}
