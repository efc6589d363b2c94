using Dapper;
using Events.Api.Configuration;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Tests.Storage;

/// <summary>
/// The single writer's group commit, on a real SQLite file. A batch first runs as one plain transaction; when one unit
/// throws, the whole batch runs again with a savepoint per unit. So a unit may run twice, and must be safe to: these
/// tests hold the writer, queue a batch with a failing neighbour, and check what was committed.
/// </summary>
public sealed class WriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-writer-").FullName;
    private readonly Db _db;

    public WriterTests()
    {
        DapperSetup.Configure();
        _db = new Db($"Data Source={Path.Combine(_folder, "test.db")}");
        Migrator.Migrate(_db);
        new Editions(_db, new ReadCache(_db)).SeedIfEmpty(new EventSeedOptions { Capacity = 10 });
    }

    [Fact]
    public async Task AFailingUnitRollsBackAloneAndItsNeighboursAreCommittedOnceThoughTheyRanTwice()
    {
        var runs = 0;
        var (good, bad, after) = await InOneBatch(
            () => _db.WriteAsync((c, tx) => { Interlocked.Increment(ref runs); return c.Execute("CREATE TABLE marks (n INTEGER)", transaction: tx); }),
            () => _db.WriteAsync<int>((c, tx) => { c.Execute("INSERT INTO marks VALUES (1)", transaction: tx); throw new InvalidOperationException("refused"); }),
            () => _db.WriteAsync((c, tx) => c.Execute("INSERT INTO marks VALUES (2)", transaction: tx)));

        await good; // committed
        Assert.Equal("refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => bad)).Message);
        Assert.Equal(1, await after);
        Assert.Equal(2, runs); // the documented re-run: side effects outside the database happen twice
        using var read = _db.OpenRead();
        Assert.Equal([2L], read.Query<long>("SELECT n FROM marks"));
    }

    [Fact]
    public async Task ARegistrationBesideAFailingUnitTakesOneSeatAndQueuesOneEmail()
    {
        var seal = new CodeSeal(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());
        var registrations = new RegistrationService(_db, seal, TimeProvider.System);
        var input = new RegistrationInput("Ada", "Lovelace", "ada@example.org", null, null, "fr", true);
        var (registered, failed, _) = await InOneBatch(
            () => registrations.RegisterAsync(input),
            () => _db.WriteAsync<int>((_, _) => throw new InvalidOperationException("refused")),
            () => Task.FromResult(0));

        var created = Assert.IsType<RegisterOutcome.Created>(await registered);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        using var c = _db.OpenRead();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT confirmed FROM events"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox"));
        // What the caller heard is what was committed: the codes' hashes and their sealed copy.
        Assert.Equal(SecretCode.Hash(created.Codes.Ticket), c.ExecuteScalar<string>("SELECT ticket_code_hash FROM registrations"));
        Assert.Equal(SecretCode.Hash(created.Codes.Manage), c.ExecuteScalar<string>("SELECT manage_code_hash FROM registrations"));
        Assert.Equal(created.Codes, seal.Open(c.ExecuteScalar<string>("SELECT codes_sealed FROM registrations")));
    }

    /// <summary>Holds the writer on a first unit, queues the three, then lets go: they commit as one batch.</summary>
    private async Task<(Task<T1>, Task<T2>, Task<T3>)> InOneBatch<T1, T2, T3>(Func<Task<T1>> first, Func<Task<T2>> second, Func<Task<T3>> third)
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var hold = _db.WriteAsync((_, _) => { started.Set(); release.Wait(TimeSpan.FromSeconds(10)); });
        started.Wait(TimeSpan.FromSeconds(10));
        var tasks = (first(), second(), third());
        release.Set();
        await hold;
        return tasks;
    }

    public void Dispose()
    {
        _db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
