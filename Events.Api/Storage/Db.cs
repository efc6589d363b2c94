using System.Data;
using Microsoft.Data.Sqlite;

namespace Events.Api.Storage;

/// <summary>
/// The SQLite file. Reads open a pooled connection each; writes go through one long-lived connection, one at a
/// time, because SQLite has a single writer anyway and queueing here (instead of in SQLite's 150 ms busy-retry
/// loop) keeps latency flat under load.
/// </summary>
public sealed class Db : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private SqliteConnection? _writer;

    public Db(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(file));
            if (dir is not null) Directory.CreateDirectory(dir);
        }
        _connectionString = builder.ToString();
    }

    /// <summary>A fresh connection for reading (WAL lets readers run beside the writer).</summary>
    public SqliteConnection OpenRead()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction on the writer connection, one caller at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, T> work, CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            var connection = _writer ??= OpenWriter();
            using var tx = connection.BeginTransaction();
            var result = work(connection, tx);
            tx.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task WriteAsync(Action<IDbConnection, IDbTransaction> work, CancellationToken ct = default) =>
        WriteAsync<bool>((c, t) => { work(c, t); return true; }, ct);

    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // NORMAL is durable in WAL mode except for the last transactions before a power cut; it avoids an fsync per commit.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _writeGate.Dispose();
    }
}
