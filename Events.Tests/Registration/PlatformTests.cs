using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Events.Api.Security;
using Events.Api.Storage;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>What every response and the host itself must do: headers, limits, health, OpenAPI, migrations.</summary>
public sealed class PlatformTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/event")]
    [InlineData("/site.css")]
    [InlineData("/does-not-exist")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string url)
    {
        using var app = new EventsApp();
        using var client = app.Client();
        var response = await client.GetAsync(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        // Pages may run our own scripts; JSON may load nothing at all.
        Assert.Contains(url.StartsWith("/api/") ? "default-src 'none'" : "script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task TheRealServerDoesNotSayWhatItIs()
    {
        using var live = new LiveApp();
        using var client = new HttpClient();
        var response = await client.GetAsync(live.BaseUrl + "/healthz");
        response.EnsureSuccessStatusCode();
        Assert.Empty(response.Headers.Server);
    }

    /// <summary>
    /// The database sits under the content root (data/): a settings file watched for changes puts a recursive watch
    /// on that folder, and every SQLite write then wakes the watcher.
    /// </summary>
    [Fact]
    public void SettingsFilesAreReadOnceAndNotWatched()
    {
        using var app = new EventsApp();
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }

    [Fact]
    public async Task RegistrationPostsAreRateLimitedPerClient()
    {
        using var app = new EventsApp(new() { ["Events:RateLimiting:Enabled"] = "true", ["Events:RateLimiting:PublicPostsPerWindow"] = "3" });
        using var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/registrations", new { firstName = "A", lastName = "B", email = $"r{i}@example.org", consent = true })).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);

        var page = await client.GetPageAsync("/");
        var form = await client.SubmitAsync(page.FormWith("firstName"), new Dictionary<string, string> { ["firstName"] = "A" });
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
    }

    [Fact]
    public async Task HealthzAnswersWhenTheDatabaseIsReachable()
    {
        using var app = new EventsApp();
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesEveryRegistrationEndpointWithASummary()
    {
        using var app = new EventsApp();
        using var client = app.Client();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[] { ("/api/v1/event", "get"), ("/api/v1/registrations", "post"), ("/api/v1/registrations/{manageCode}", "get"),
                                              ("/api/v1/registrations/{manageCode}", "patch"), ("/api/v1/registrations/{manageCode}", "delete") })
            Assert.False(string.IsNullOrWhiteSpace(paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString()), $"{method} {path}");
    }

    [Fact]
    public void MigrationsAreAppliedOnceAndRecorded()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "m.db");
        using var db = new Db($"Data Source={file}");
        var first = Migrator.Migrate(db);
        var second = Migrator.Migrate(db);
        Assert.NotEmpty(first);
        Assert.Empty(second);
        using var c = db.OpenRead();
        Assert.Equal(first.Count, c.ExecuteScalar<long>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void SecretCodesAreLongRandomAndTypeable()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => SecretCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(28, c.Length));
        Assert.True(28 * Math.Log2(SecretCode.Alphabet.Length) >= 128);
        Assert.DoesNotContain(codes.SelectMany(c => c), ch => "01OI".Contains(ch));
        // every letter of the alphabet is used, roughly evenly
        var counts = codes.SelectMany(c => c).GroupBy(c => c).Select(g => g.Count()).ToList();
        Assert.Equal(32, counts.Count);
        Assert.True(counts.Min() > counts.Max() * 0.85);
        var code = codes[0];
        Assert.Equal(code, SecretCode.Normalise(" " + SecretCode.Grouped(code).ToLowerInvariant() + " "));
        Assert.Null(SecretCode.Normalise(code[..27]));
        Assert.Matches("^([2-9A-Z]{4}-){6}[2-9A-Z]{4}$", SecretCode.Grouped(code));
    }
}
