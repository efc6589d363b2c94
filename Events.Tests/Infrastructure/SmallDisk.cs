using System.Diagnostics;

namespace Events.Tests.Infrastructure;

/// <summary>
/// A small tmpfs mounted for one test: a disk that fills up, or that turns read-only. Needs root and the right to
/// mount (as on this project's machines and CI); elsewhere the test is skipped, with this reason.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    public string Path { get; }

    private SmallDisk(string path) => Path = path;

    public static SmallDisk Mount(string parent, string size)
    {
        var path = System.IO.Path.Combine(parent, "disk");
        Directory.CreateDirectory(path);
        var (ok, error) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        Skip.IfNot(ok, $"cannot mount a small tmpfs here ({error.Trim()}): run as root with the right to mount");
        return new SmallDisk(path);
    }

    public void MakeReadOnly() => Assert.True(Run("mount", "-o", "remount,ro", Path).Ok, "remount read-only");

    /// <summary>Fills what space is left with one file; deleting it gives the space back.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create);
        var block = new byte[64 * 1024];
        try { while (true) stream.Write(block); }
        catch (IOException) { /* full */ }
        try { stream.Flush(); } catch (IOException) { /* full */ }
        return filler;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
    }

    private static (bool Ok, string Error) Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }
}
