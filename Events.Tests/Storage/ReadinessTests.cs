using System.Net;
using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Events.Tests.Storage;

/// <summary><c>/healthz/ready</c>: cheap by default (one small write); <c>deep</c> adds SQLite's check of the whole file.</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly EventsApp _app = new();

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
        var deep = await client.GetAsync("/healthz/ready?deep=1");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, deep.StatusCode);
        Assert.Contains("integrity check", await deep.Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
