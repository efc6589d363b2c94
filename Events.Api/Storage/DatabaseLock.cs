namespace Events.Api.Storage;

/// <summary>
/// <c>&lt;database&gt;.lock</c> beside the file, locked by the operating system (on Linux, .NET's FileShare is an
/// advisory <c>flock</c>; <c>flock -n events.db.lock true</c> tells from a shell). The app holds it shared for its
/// whole life, so two apps may still run on one file, and a restore takes it exclusive, so it cannot replace the
/// database under a running app. SQLite's own locks cannot say this: between two transactions the app holds none, and
/// a restore then found the file free. The lock goes with the process, however it ends.
/// </summary>
public static class DatabaseLock
{
    public static string PathOf(string databaseFile) => Path.GetFullPath(databaseFile) + ".lock";

    /// <summary>The app's hold, for its whole life; throws <see cref="DatabaseUnavailableException"/> while a restore runs.</summary>
    public static FileStream Shared(string databaseFile)
    {
        var path = PathOf(databaseFile);
        try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite); }
        catch (IOException e) when (IsHeld(e))
        {
            throw new DatabaseUnavailableException(Path.GetFullPath(databaseFile), $"a restore holds {path}: start the app once it has ended", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseUnavailableException(Path.GetFullPath(databaseFile), $"its lock file {path} cannot be opened ({e.Message})", e);
        }
    }

    /// <summary>A restore's hold; throws <see cref="IOException"/> saying so while an app runs on the database.</summary>
    public static FileStream Exclusive(string databaseFile)
    {
        var path = PathOf(databaseFile);
        try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException e) when (IsHeld(e))
        {
            throw new IOException($"the app is running on this database (lock held on {path}): stop it first.", e);
        }
    }

    /// <summary>Another process holds the lock: EWOULDBLOCK from flock on Linux, a sharing violation on Windows.</summary>
    private static bool IsHeld(IOException e) => e.GetType() == typeof(IOException) && e.HResult is 11 or unchecked((int)0x80070020);
}
