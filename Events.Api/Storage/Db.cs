using System.Data;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Events.Api.Storage;

/// <summary>
/// The SQLite file. Reads open a pooled connection each. Writes are queued to one writer connection: SQLite has a
/// single writer anyway, and queueing here (instead of in SQLite's 150 ms busy-retry loop) keeps latency flat.
/// The writer commits whatever is queued together (group commit); one failing unit rolls back alone, and every
/// caller hears back only after its work is committed.
/// </summary>
public sealed class Db : IDisposable
{
    private const int MaxBatch = 64;

    private readonly string _connectionString;
    private readonly BlockingCollection<WriteJob> _queue = new(new ConcurrentQueue<WriteJob>());
    private readonly Thread _writer;
    private readonly SqliteConnection _writerConnection;
    private readonly FileStream? _lock; // held for the app's whole life: see DatabaseLock

    /// <summary>The database file, as configured.</summary>
    public string File { get; }

    private long _version;

    /// <summary>Moves at every commit: what was read while it stays the same is still what the file holds (<see cref="ReadCache"/>).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Write faults of the storage itself (disk full, file gone read-only), for health checks and logs.</summary>
    public StorageFaults Faults { get; } = new();

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
            var dir = Path.GetDirectoryName(Path.GetFullPath(file))!;
            try { Directory.CreateDirectory(dir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DatabaseUnavailableException(Path.GetFullPath(file), $"its folder cannot be created ({e.Message})", e);
            }
            CheckFolderWritable(file, dir);
            _lock = DatabaseLock.Shared(file);
        }
        _connectionString = builder.ToString();
        File = builder.DataSource;
        try { _writerConnection = OpenWriter(); }
        catch { _lock?.Dispose(); throw; }
        // A thread of its own, woken directly by the first job queued: as a thread-pool task it waited behind the
        // requests' own work items before it could start a batch.
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "SQLite writer" };
        _writer.Start();
    }

    /// <summary>A fresh connection for reading (WAL lets readers run beside the writer).</summary>
    public IDbConnection OpenRead()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // The pool hands out the same SQLite connections again and again: each is set up the first time it is seen.
        if (!_configured.TryGetValue(connection.Handle!, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = SecureDelete;
            pragma.ExecuteNonQuery();
            _configured.AddOrUpdate(connection.Handle!, this);
        }
        return connection;
    }

    /// <summary>
    /// On every connection (a pragma holds for one connection only): what is deleted or overwritten is overwritten
    /// with zeros, in the page and in the pages set free, so that erased personal data leave no copy in the file.
    /// Readers delete nothing, but no connection of the app should be the one that could.
    /// </summary>
    private const string SecureDelete = "PRAGMA secure_delete = ON;";

    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, Db> _configured = new();

    /// <summary>True when the file can be opened and answers a query (the liveness check).</summary>
    public bool Answers()
    {
        try
        {
            using var c = OpenRead();
            using var command = c.CreateCommand();
            command.CommandText = "SELECT 1";
            return command.ExecuteScalar() is 1L;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// Null when a commit reaches the disk now (a one-row write through the writer, as real writes go), else why not.
    /// </summary>
    public async Task<string?> WriteProblemAsync(CancellationToken ct = default)
    {
        try
        {
            var now = SqlConventions.WriteInstant(DateTimeOffset.UtcNow);
            var job = new WriteJob<bool>((c, tx) =>
            {
                c.Run(tx, "INSERT INTO storage_probe (id, written_at) VALUES (1, @now) ON CONFLICT (id) DO UPDATE SET written_at = @now", ("@now", now));
                return true;
            }, changesReadModels: false);
            try { _queue.Add(job, ct); }
            catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(Db)); }
            await job.Result.Task;
            return null;
        }
        catch (StorageUnavailableException e)
        {
            return e.Message;
        }
    }

    /// <summary>SQLite's own check of every page and index: "ok", or what is wrong. Reads the whole file.</summary>
    public string IntegrityCheck()
    {
        using var c = OpenRead();
        using var command = c.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string ?? "no answer";
    }

    /// <summary>
    /// Copies the WAL into the database file and empties it (<c>wal_checkpoint(TRUNCATE)</c>), on the writer between
    /// two batches. The WAL keeps every page as it was before each change until SQLite writes over it, so what was just
    /// erased is still there until this runs. False when readers kept it from completing within a second (the next
    /// checkpoint does it).
    /// </summary>
    public Task<bool> CheckpointAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var job = new CheckpointJob();
        try { _queue.Add(job); }
        catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(Db)); }
        return job.Result.Task;
    }

    /// <summary>
    /// Runs <paramref name="work"/> (units of work through <see cref="WriteAsync{T}"/>, waited for), then empties the WAL:
    /// with secure_delete on every connection, what those units overwrote or deleted is zeroed in the file instead of
    /// lingering in old WAL frames. For rewriting secrets that were stored in clear (start-up).
    /// </summary>
    public T Scrubbing<T>(Func<T> work)
    {
        try { return work(); }
        finally { CheckpointAsync().GetAwaiter().GetResult(); }
    }

    /// <summary>
    /// Runs <paramref name="unit"/> as one unit of work after another (each waited for) until one reports fewer than
    /// <paramref name="batch"/> rows done: a rewrite of many rows that never holds the writer long. Returns the rows done.
    /// </summary>
    public int InBatches(int batch, Func<IDbConnection, IDbTransaction, int> unit)
    {
        var done = 0;
        while (true)
        {
            var count = WriteAsync(unit).GetAwaiter().GetResult();
            done += count;
            if (count < batch) return done;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> atomically on the writer connection; completes once it is committed.
    /// <para>
    /// A unit of work may run twice: when another unit of its batch throws, the batch is rolled back and run again with
    /// a savepoint per unit (see <c>docs/architecture.md</c>). So a unit reads and writes the database through the
    /// connection and transaction it is given, and does nothing else that a second run would repeat: no I/O, no change
    /// to memory other code reads, no await. What it draws (a random code, the time) is either drawn by the caller
    /// beforehand or only ever stored in that same unit, so the run that commits is the only one anyone sees. The caller
    /// receives the value returned by the run that committed.
    /// </para>
    /// </summary>
    public Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, T> work, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var job = new WriteJob<T>(work);
        try { _queue.Add(job); }
        catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(Db)); } // added after Dispose
        return job.Result.Task;
    }

    public Task WriteAsync(Action<IDbConnection, IDbTransaction> work, CancellationToken ct = default) =>
        WriteAsync<bool>((c, t) => { work(c, t); return true; }, ct);

    /// <summary>
    /// Opens the writer connection at start-up, on the caller's thread, so that a file that cannot be opened, is not
    /// SQLite or cannot be written stops the app with one clear line instead of failing later on the writer's thread.
    /// </summary>
    private SqliteConnection OpenWriter()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            // WAL lets readers run beside the writer (a property of the file, kept once set). FULL syncs the WAL at
            // every commit, so a registration acknowledged is one a power cut cannot take back; with group commit that
            // sync is paid once per batch, not once per registration. BEGIN IMMEDIATE then proves the file writable.
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + SecureDelete + " BEGIN IMMEDIATE; ROLLBACK;";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new DatabaseUnavailableException(Path.GetFullPath(File), StorageFaults.Describe(e), e);
        }
    }

    /// <summary>
    /// SQLite creates files beside the database (the WAL, its index, a journal) and may need to at any time; with a
    /// stopped app's -wal and -shm left there, it opens a file in a read-only folder and the trouble comes later.
    /// So the folder must take a new file now.
    /// </summary>
    private static void CheckFolderWritable(string file, string dir)
    {
        try { new FileStream($"{Path.GetFullPath(file)}.{Guid.NewGuid():N}.check", FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException(Path.GetFullPath(file),
                $"it cannot be opened for writing: no file can be created in its folder {dir} (SQLite keeps its -wal and -shm files there)", e);
        }
    }

    private void WriteLoop()
    {
        var connection = _writerConnection;
        var batch = new List<WriteJob>(MaxBatch);
        WriteJob? next = null;
        while (next is not null || _queue.TryTake(out next, Timeout.Infinite))
        {
            var first = next;
            next = null;
            if (first is CheckpointJob checkpoint)
            {
                checkpoint.Run(connection); // outside any transaction
                continue;
            }
            batch.Clear();
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var job))
            {
                if (job is CheckpointJob) { next = job; break; } // once this batch is committed
                batch.Add(job);
            }
            // Nearly every batch succeeds whole, so it first runs as one plain transaction. If a unit throws, the batch
            // runs again with each unit in its own savepoint, so that unit alone rolls back. (Savepoints on every unit
            // cost two statements and a copy of each page it touched: a sixth of the door rush.)
            if (!TryCommit(connection, batch, savepoints: false)) TryCommit(connection, batch, savepoints: true);
        }
        connection.Dispose();
    }

    /// <summary>Runs and commits <paramref name="batch"/>; false when a unit failed and nothing was kept.</summary>
    private bool TryCommit(SqliteConnection connection, List<WriteJob> batch, bool savepoints)
    {
        try
        {
            using var tx = connection.BeginTransaction();
            foreach (var job in batch)
            {
                if (!savepoints)
                {
                    job.Run(connection, tx); // an exception rolls the whole batch back, on leaving the using
                    continue;
                }
                // Prepared once (Statements): SqliteTransaction.Save prepares them on every call.
                connection.Run(tx, "SAVEPOINT unit");
                try
                {
                    job.Run(connection, tx);
                    connection.Run(tx, "RELEASE unit");
                }
                catch (Exception e)
                {
                    connection.Run(tx, "ROLLBACK TO unit");
                    connection.Run(tx, "RELEASE unit");
                    job.Fail(e);
                }
            }
            tx.Commit();
            // Before any caller hears back, so a read after a write sees it; a batch of health probes alone changed
            // nothing any read model shows, and leaves every cached read in place.
            if (batch.Any(j => j.ChangesReadModels)) Interlocked.Increment(ref _version);
            foreach (var job in batch) job.Complete();
            Faults.Cleared();
            return true;
        }
        catch (SqliteException e) when (StorageFaults.IsStorageFault(e))
        {
            // The disk, not a unit: running the batch again with savepoints would fail the same way.
            var fault = Faults.Record(File, e);
            foreach (var job in batch) job.Fail(fault);
            return true;
        }
        catch (Exception) when (!savepoints)
        {
            return false;
        }
        catch (Exception e)
        {
            foreach (var job in batch) job.Fail(e);
            return true;
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _writer.Join(TimeSpan.FromSeconds(10));
        _lock?.Dispose();
    }

    private abstract class WriteJob
    {
        public virtual bool ChangesReadModels => true;
        public abstract void Run(SqliteConnection connection, SqliteTransaction tx);
        public abstract void Complete();
        public abstract void Fail(Exception e);
    }

    private sealed class CheckpointJob : WriteJob
    {
        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run(SqliteConnection connection)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)"; // one row: busy (1 when readers held it back), pages
                for (var attempt = 1; ; attempt++)
                {
                    using (var reader = command.ExecuteReader())
                        if (reader.Read() && reader.GetInt64(0) == 0) { Result.TrySetResult(true); return; }
                    if (attempt == 20) { Result.TrySetResult(false); return; }
                    Thread.Sleep(50);
                }
            }
            catch (Exception e) { Result.TrySetException(e); }
        }

        public override void Run(SqliteConnection connection, SqliteTransaction tx) => throw new InvalidOperationException("A checkpoint runs outside a transaction.");
        public override void Complete() { }
        public override void Fail(Exception e) => Result.TrySetException(e);
    }

    private sealed class WriteJob<T>(Func<IDbConnection, IDbTransaction, T> work, bool changesReadModels = true) : WriteJob
    {
        public override bool ChangesReadModels => changesReadModels;
        private T _value = default!;
        private bool _failed;
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteConnection connection, SqliteTransaction tx) => _value = work(connection, tx);
        public override void Complete() { if (!_failed) Result.TrySetResult(_value); }
        public override void Fail(Exception e) { _failed = true; Result.TrySetException(e); }
    }
}
