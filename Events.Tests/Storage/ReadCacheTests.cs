using Events.Api.Storage;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Storage;

/// <summary>An organisers' page reads the database once per change: the answer is kept until the next commit, never past it.</summary>
public sealed class ReadCacheTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Mail:PollSeconds"] = "0" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAnswerIsKeptUntilTheNextCommitAndReadAgainAfterIt()
    {
        var cache = _app.Services.GetRequiredService<ReadCache>();
        var reads = 0;
        long Count() => cache.Get("test.registrations", () =>
        {
            reads++;
            using var c = _app.Db.OpenRead();
            using var command = ((Microsoft.Data.Sqlite.SqliteConnection)c).CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM registrations";
            return (long)command.ExecuteScalar()!;
        });

        var before = Count();
        Assert.Equal(before, Count());
        Assert.Equal(1, reads);

        await _app.RegisterAsync("cache@example.org");
        Assert.Equal(before + 1, Count());
        Assert.Equal(2, reads);

        // A unit that fails is rolled back, yet the version moves: one more read, the same answer.
        await Assert.ThrowsAnyAsync<Exception>(() => _app.Db.WriteAsync((c, tx) => throw new InvalidOperationException("no")));
        Assert.Equal(before + 1, Count());
    }

    [Fact]
    public async Task TheDashboardAndTheListShowARegistrationAsSoonAsItIsCommitted()
    {
        using var admin = await _app.SignedInClientAsync();
        Assert.DoesNotContain("Cachée", await admin.GetStringAsync("/organisers/attendees"));
        var confirmed = await Confirmed(admin);
        Assert.Equal(confirmed, await Confirmed(admin));

        await _app.RegisterAsync("zoe@example.org", firstName: "Zoé", lastName: "Cachée");

        Assert.Contains("Cachée", await admin.GetStringAsync("/organisers/attendees"));
        Assert.Equal(confirmed + 1, await Confirmed(admin));
    }

    private static async Task<int> Confirmed(HttpClient admin)
    {
        var page = await admin.GetStringAsync("/organisers/dashboard");
        return int.Parse(System.Text.RegularExpressions.Regex.Match(page, @"<dd>(\d+) / 300 <meter").Groups[1].Value);
    }
}
