using System.Net;
using System.Net.Http.Json;
using Events.Tests.Infrastructure;

namespace Events.Tests.Storage;

/// <summary>A full disk under the real app: writes answer 503 (not 500), readiness says why, and it all comes back by itself.</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-diskfull-").FullName;

    [SkippableFact]
    public async Task WhileTheDiskIsFullWritesAnswer503AndEverythingRecoversWhenSpaceReturns()
    {
        using var disk = SmallDisk.Mount(_folder, "4m");
        using var app = new EventsApp(new() { ["ConnectionStrings:Events"] = $"Data Source={Path.Combine(disk.Path, "events.db")}" });
        using var client = app.Client();
        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready"));
        await app.RegisterAsync();

        var filler = disk.Fill();
        HttpResponseMessage refused = null!;
        for (var i = 0; i < 200; i++) // the WAL may still have room for a few commits
        {
            refused = await client.PostAsJsonAsync("/api/v1/registrations", Person(i));
            if (refused.StatusCode != HttpStatusCode.Created) break;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("the disk is full", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode); // alive, only not ready
        var page = await client.PostAsync("/lang", new FormUrlEncodedContent([])); // a page post: antiforgery refuses it first, never a 500
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);

        File.Delete(filler);

        Assert.Equal("ok", await client.GetStringAsync("/healthz/ready"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/registrations", Person(999))).StatusCode);
    }

    private static object Person(int i) => new { firstName = "Ada", lastName = "Lovelace", email = $"ada{i}@example.org", consent = true };

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
