using System.Net;
using Dapper;
using Events.Tests.Attendees;
using Events.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Events.Tests.Storage;

/// <summary>
/// <c>/healthz/ready</c>: cheap by default (one small write every few seconds whatever the callers, emptying no cache);
/// <c>deep</c> adds SQLite's check of the whole file, for admins and loopback, at most once a minute.
/// </summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2027, 6, 26, 7, 0, 0, TimeSpan.Zero));
    private readonly EventsApp _app;

    public ReadinessTests() => _app = new EventsApp(clock: _clock);

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("TRUE")]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("no")]
    public async Task TheDeepCheckIsAskedForAsOperatorsWriteIt(string deep)
    {
        var response = await _app.Client().GetAsync($"/healthz/ready?deep={deep}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnythingElseForDeepIsAFieldError()
    {
        var response = await _app.Client().GetAsync("/healthz/ready?deep=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("deep", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnlyTheDeepCheckReadsTheWholeFile()
    {
        using var client = _app.Client();
        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready?deep=1"));
        // An index that no longer agrees with its table: nothing at start-up or on a page reads it, integrity_check does.
        using (var c = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False"))
        {
            c.Open();
            c.Execute("CREATE TABLE probe (a INTEGER); CREATE INDEX probe_a ON probe (a); INSERT INTO probe VALUES (1), (2), (3);");
            var version = c.ExecuteScalar<long>("PRAGMA schema_version");
            c.Execute($"""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = 'CREATE INDEX probe_a ON probe (-a)' WHERE name = 'probe_a';
                PRAGMA schema_version = {version + 1};
                PRAGMA writable_schema = OFF;
                """);
        }

        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready"));
        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready?deep=1")); // the minute-old answer, not a second full read
        _clock.Now += Events.Web.Hosting.Readiness.DeepFresh;
        var deep = await client.GetAsync("/healthz/ready?deep=1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, deep.StatusCode);
        Assert.Contains("integrity check", await deep.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ManyAnonymousCallsCostOneProbeAndEmptyNoCachedRead()
    {
        using var client = _app.Client();
        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready"));
        var (version, written) = (_app.Db.Version, Written());
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetStringAsync("/healthz/ready")));
        Assert.Equal(written, Written()); // one probe serves them all
        _clock.Now += Events.Web.Hosting.Readiness.Fresh;
        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready"));
        Assert.NotEqual(written, Written()); // a fresh probe once the answer is old
        // And the read models keep their cache: a probe moves no version (a background job may commit meanwhile, so a
        // few tries; before, every probe moved it).
        var kept = false;
        for (var i = 0; i < 5 && !kept; i++)
        {
            version = _app.Db.Version;
            _clock.Now += Events.Web.Hosting.Readiness.Fresh;
            Assert.Equal("ok", await client.GetStringAsync("/healthz/ready"));
            kept = _app.Db.Version == version;
        }
        Assert.True(kept, "every fresh probe moved Db.Version");
    }

    [Fact]
    public async Task TheDeepCheckIsRefusedToAnAnonymousCallerFromAnotherMachine()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        var readiness = (Events.Web.Hosting.Readiness)_app.Services.GetService(typeof(Events.Web.Hosting.Readiness))!;

        var answer = await Events.Web.Hosting.HealthCheck.Ready(readiness, http, "1", CancellationToken.None);
        var plain = await Events.Web.Hosting.HealthCheck.Ready(readiness, http, null, CancellationToken.None);

        Assert.Equal(403, (answer as Microsoft.AspNetCore.Http.IStatusCodeHttpResult)?.StatusCode);
        Assert.Equal(200, (plain as Microsoft.AspNetCore.Http.IStatusCodeHttpResult)?.StatusCode ?? 200);
    }

    private string Written() => _app.Scalar<string>("SELECT written_at FROM storage_probe");

    public void Dispose() => _app.Dispose();
}
