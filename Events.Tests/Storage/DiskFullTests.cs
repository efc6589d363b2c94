using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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
        var page = await client.PostAsync("/lang", new FormUrlEncodedContent([])); // a page post that writes nothing: never a 500
        Assert.NotEqual(HttpStatusCode.InternalServerError, page.StatusCode);

        File.Delete(filler);

        // Readiness answers from a probe at most Readiness.Fresh old: ready again within that.
        var deadline = DateTime.UtcNow + Events.Web.Hosting.Readiness.Fresh + TimeSpan.FromSeconds(2);
        var again = await client.GetAsync("/healthz/ready");
        while (again.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            again = await client.GetAsync("/healthz/ready");
        }
        Assert.Equal("ok", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/registrations", Person(999))).StatusCode);
    }

    [SkippableFact]
    public async Task MailCaughtByAFullDiskLeavesNoHalfWrittenFileAndGoesOutOnceSpaceReturns()
    {
        using var disk = SmallDisk.Mount(_folder, "4m");
        var clock = new ManualClock(new DateTimeOffset(2027, 5, 3, 8, 0, 0, TimeSpan.Zero));
        var pickup = Path.Combine(disk.Path, "mail");
        using var app = new EventsApp(new()
        {
            ["ConnectionStrings:Events"] = $"Data Source={Path.Combine(_folder, "events.db")}", // the database has room
            ["Events:Mail:PickupDirectory"] = pickup,                                          // the mail folder has none
            ["Events:Mail:PollSeconds"] = "0",
        }, clock);
        var worker = app.Services.GetRequiredService<Events.Api.Mail.OutboxWorker>();
        Directory.CreateDirectory(pickup);
        var filler = disk.Fill();
        await app.RegisterAsync("ada@example.org");

        Assert.Equal(0, await worker.DrainAsync());
        Assert.Empty(Directory.GetFiles(pickup)); // no stray .tmp
        Assert.Equal(["queued"], Statuses(app)); // to be retried, not stuck 'sending'

        File.Delete(filler);
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(1, await worker.DrainAsync());
        Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        Assert.Equal(["sent"], Statuses(app));
    }

    private static List<string> Statuses(EventsApp app)
    {
        using var c = app.Db.OpenRead();
        return c.Query<string>("SELECT status FROM outbox ORDER BY id").ToList();
    }

    private static object Person(int i) => new { firstName = "Ada", lastName = "Lovelace", email = $"ada{i}@example.org", consent = true };

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
