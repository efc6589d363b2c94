using Dapper;
using Events.Api.Storage;
using Microsoft.Data.Sqlite;

namespace Events.Tests.Storage;

/// <summary>The writer's prepared statements, on a real SQLite file.</summary>
public sealed class StatementsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-statements-").FullName;
    private readonly Db _db;

    public StatementsTests()
    {
        DapperSetup.Configure();
        _db = new Db($"Data Source={Path.Combine(_folder, "test.db")}");
        _db.WriteAsync((c, tx) => c.Execute("""
            CREATE TABLE people (id INTEGER PRIMARY KEY, first_name TEXT NOT NULL UNIQUE, nick_name TEXT, visits INTEGER NOT NULL, seen_at TEXT);
            """, transaction: tx)).Wait();
    }

    public sealed record Person(long Id, string FirstName, string? NickName, int Visits, DateTimeOffset? SeenAt);

    [Fact]
    public async Task RowsAreMappedByColumnNameWhateverTheColumnOrder()
    {
        var seen = new DateTimeOffset(2027, 6, 26, 9, 2, 30, TimeSpan.FromHours(2));
        await Insert("Ada", "Countess", 3, seen);
        await Insert("Grace", null, 1, null);

        var ada = await Select<Person>("SELECT seen_at, visits, nick_name, first_name, id FROM people WHERE first_name = @name", "Ada");
        var grace = await Select<Person>("SELECT seen_at, visits, nick_name, first_name, id FROM people WHERE first_name = @name", "Grace");

        Assert.Equal(new Person(1, "Ada", "Countess", 3, seen), ada);
        Assert.Equal(seen.Offset, ada!.SeenAt!.Value.Offset);
        Assert.Equal(new Person(2, "Grace", null, 1, null), grace);
        Assert.Null(await Select<Person>("SELECT seen_at, visits, nick_name, first_name, id FROM people WHERE first_name = @name", "Nobody"));
    }

    [Fact]
    public async Task SingleValuesAndTuplesAreReadByPosition()
    {
        await Insert("Ada", null, 3, null);

        Assert.Equal(3, await Select<long?>("SELECT visits FROM people WHERE first_name = @name", "Ada"));
        Assert.Null(await Select<long?>("SELECT visits FROM people WHERE first_name = @name", "Nobody"));
        Assert.Null(await Select<string>("SELECT nick_name FROM people WHERE first_name = @name", "Ada"));
        Assert.Equal((1L, 3L), await Select<(long, long)>("SELECT id, visits FROM people WHERE first_name = @name", "Ada"));
    }

    [Fact]
    public async Task AFailedStatementThrowsAndTheSameStatementWorksAfterwards()
    {
        Assert.Equal(1, await Insert("Ada", null, 1, null));

        var error = await Assert.ThrowsAsync<SqliteException>(() => Insert("Ada", null, 2, null));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: the unique first name
        Assert.Equal(1, await Insert("Grace", null, 2, null));

        var changed = await _db.WriteAsync((c, tx) => c.Run(tx, "UPDATE people SET visits = visits + 1 WHERE visits >= @min", ("@min", 1)));
        Assert.Equal(2, changed);
    }

    [Fact]
    public async Task AFailingUnitRollsBackAloneWhileTheOthersOfItsBatchCommit()
    {
        var units = Enumerable.Range(0, 20).Select(i => _db.WriteAsync((c, tx) =>
        {
            c.Run(tx, "INSERT INTO people (first_name, visits) VALUES (@name, 0)", ("@name", $"P{i}"));
            if (i % 5 == 0) throw new InvalidOperationException("this unit fails after writing");
        })).ToList();
        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            if (i % 5 == 0) await Assert.ThrowsAsync<InvalidOperationException>(() => unit);
            else await unit;
        }

        using var c = _db.OpenRead();
        var names = c.Query<string>("SELECT first_name FROM people ORDER BY id").ToList();
        Assert.Equal(Enumerable.Range(0, 20).Where(i => i % 5 != 0).Select(i => $"P{i}"), names);
    }

    private Task<int> Insert(string name, string? nick, int visits, DateTimeOffset? seen) => _db.WriteAsync((c, tx) =>
        c.Run(tx, "INSERT INTO people (first_name, nick_name, visits, seen_at) VALUES (@name, @nick, @visits, @seen)",
            ("@name", name), ("@nick", nick), ("@visits", visits), ("@seen", seen)));

    private Task<T?> Select<T>(string sql, string name) => _db.WriteAsync((c, tx) => c.Row<T>(tx, sql, ("@name", name)));

    public void Dispose()
    {
        _db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
