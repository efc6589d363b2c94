using System.Data;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Events.Api.Storage;

/// <summary>
/// The SQLite file. Reads open a pooled connection each. Writes are queued to one writer connection: SQLite has a
/// single writer anyway, and queueing here (instead of in SQLite's 150 ms busy-retry loop) keeps latency flat.
/// The writer commits whatever is queued together (group commit), each unit of work inside its own savepoint,
/// so one failing unit rolls back alone and every caller hears back only after its work is committed.
/// </summary>
public sealed class Db : IDisposable
{
    private const int MaxBatch = 64;

    private readonly string _connectionString;
    private readonly Channel<WriteJob> _queue = Channel.CreateUnbounded<WriteJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

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
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>A fresh connection for reading (WAL lets readers run beside the writer).</summary>
    public SqliteConnection OpenRead()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> atomically on the writer connection; completes once it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, T> work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var job = new WriteJob<T>(work);
        if (!_queue.Writer.TryWrite(job)) throw new ObjectDisposedException(nameof(Db));
        return job.Result.Task;
    }

    public Task WriteAsync(Action<IDbConnection, IDbTransaction> work, CancellationToken ct = default) =>
        WriteAsync<bool>((c, t) => { work(c, t); return true; }, ct);

    private async Task WriteLoop()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // WAL lets readers run beside the writer (a property of the file, kept once set). NORMAL is durable in WAL mode
        // except for the last commits before a power cut; it avoids an fsync per commit.
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }

        var batch = new List<WriteJob>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var job)) batch.Add(job);
            try
            {
                using var tx = connection.BeginTransaction();
                for (var i = 0; i < batch.Count; i++)
                {
                    // Savepoint statements prepared once (Statements): SqliteTransaction.Save prepares them on every call.
                    connection.Run(tx, "SAVEPOINT unit");
                    try
                    {
                        batch[i].Run(connection, tx);
                        connection.Run(tx, "RELEASE unit");
                    }
                    catch (Exception e)
                    {
                        connection.Run(tx, "ROLLBACK TO unit");
                        connection.Run(tx, "RELEASE unit");
                        batch[i].Fail(e);
                    }
                }
                tx.Commit();
                foreach (var job in batch) job.Complete();
            }
            catch (Exception e)
            {
                foreach (var job in batch) job.Fail(e);
            }
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
    }

    private abstract class WriteJob
    {
        public abstract void Run(SqliteConnection connection, SqliteTransaction tx);
        public abstract void Complete();
        public abstract void Fail(Exception e);
    }

    private sealed class WriteJob<T>(Func<IDbConnection, IDbTransaction, T> work) : WriteJob
    {
        private T _value = default!;
        private bool _failed;
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteConnection connection, SqliteTransaction tx) => _value = work(connection, tx);
        public override void Complete() { if (!_failed) Result.TrySetResult(_value); }
        public override void Fail(Exception e) { _failed = true; Result.TrySetException(e); }
    }
}
