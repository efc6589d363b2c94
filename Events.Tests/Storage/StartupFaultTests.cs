using System.Diagnostics;
using Events.Api.Storage;
using Events.Tests.Infrastructure;

namespace Events.Tests.Storage;

/// <summary>
/// A database that cannot be used stops the real app at start-up with one line naming the file and the cause, and exit
/// code 1 (under systemd: no crash loop of stack traces). The published app is started as a process.
/// </summary>
public sealed class StartupFaultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-startup-").FullName;

    [Fact]
    public async Task AFileThatIsNotSqliteStopsTheAppWithOneClearLine()
    {
        var file = Path.Combine(_folder, "events.db");
        await File.WriteAllTextAsync(file, "These are the minutes of the last meeting, not a database.\n" + new string('x', 4096));

        var (exit, output) = await StartAsync(file);

        Assert.Equal(1, exit);
        Assert.Contains($"Events cannot start: the database {file} cannot be used: it is not a SQLite database", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [Fact]
    public async Task AFolderThatCannotBeCreatedStopsTheAppWithOneClearLine()
    {
        var blocker = Path.Combine(_folder, "data");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");
        var file = Path.Combine(blocker, "events.db");

        var (exit, output) = await StartAsync(file);

        Assert.Equal(1, exit);
        Assert.Contains($"the database {file} cannot be used: its folder cannot be created", output);
        Assert.DoesNotContain("   at ", output);
    }

    [SkippableFact]
    public async Task AReadOnlyDiskStopsTheAppWithOneClearLine()
    {
        using var disk = SmallDisk.Mount(_folder, "2m");
        var file = Path.Combine(disk.Path, "events.db");
        using (var db = new Db($"Data Source={file}")) Migrator.Migrate(db);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        disk.MakeReadOnly();

        var (exit, output) = await StartAsync(file);

        Assert.Equal(1, exit);
        Assert.Contains($"the database {file} cannot be used: it cannot be opened for writing", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task ALogoThatCouldRunScriptStopsTheAppWithOneClearLine()
    {
        var logo = Path.Combine(_folder, "logo.svg");
        await File.WriteAllTextAsync(logo, """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><rect width="10" height="10"/></svg>""");

        var (exit, output) = await StartAsync(Path.Combine(_folder, "events.db"), settings: new() { ["Events__Publisher__Logo"] = logo });

        Assert.Equal(1, exit);
        Assert.Contains($"Events cannot start: the logo {logo} cannot be used: the attribute onload is not allowed", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task AGoodFileStartsTheApp()
    {
        // The control: the same start with a usable file serves pages (so the faults above are the file's, not the harness's).
        var (exit, output) = await StartAsync(Path.Combine(_folder, "events.db"), stopAfterStart: true);
        Assert.Equal(-1, exit);
        Assert.Contains("Now listening on", output);
    }

    /// <summary>Starts Events.Web on <paramref name="databaseFile"/>; its exit code and everything it printed (-1: still running, stopped).</summary>
    private async Task<(int Exit, string Output)> StartAsync(string databaseFile, bool stopAfterStart = false, Dictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Events"] = $"Data Source={databaseFile}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Events__Mail__PickupDirectory"] = Path.Combine(_folder, "mail"),
            },
        };
        foreach (var (key, value) in settings ?? []) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var started = new TaskCompletionSource();
        void Read(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.Contains("Now listening on")) started.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        await Task.WhenAny(exited, started.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await exited;
            lock (output) return (stopAfterStart ? -1 : -2, output.ToString());
        }
        await exited;
        lock (output) return (process.ExitCode, output.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
