using System.Diagnostics;
using System.Text;

namespace Events.Tests.Infrastructure;

/// <summary>
/// Events.Web as an operator meets it: its own process (<c>dotnet Events.Web.dll</c>, the copy beside the tests) on a
/// database file, in a working folder, with settings from the environment. Either the app, started and stopped
/// (<see cref="StartAsync"/>, <see cref="StopAsync"/>), or a command such as <c>backup FILE</c> (<see cref="RunAsync"/>).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process printed so far, standard output and error together.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Where the app listens, once started.</summary>
    public Uri? BaseAddress { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the app on <paramref name="databaseFile"/> (any free loopback port) and waits until it listens or exits
    /// (at most 60 s). <paramref name="runAs"/>: a user id to run as (through <c>setpriv</c>; the caller is root).
    /// </summary>
    public static async Task<AppProcess> StartAsync(string folder, string databaseFile, Dictionary<string, string>? settings = null, int? runAs = null)
    {
        var app = new AppProcess(Info(folder, databaseFile, [], settings, runAs));
        await Task.WhenAny(app._process.WaitForExitAsync(), app._listening.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (app._listening.Task.IsCompleted) app.BaseAddress = new Uri(app._listening.Task.Result);
        else if (app._process.HasExited) await app._process.WaitForExitAsync(); // every line read
        return app;
    }

    /// <summary>Runs <c>Events.Web <paramref name="args"/></c> on <paramref name="databaseFile"/> to its end: exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string folder, string databaseFile, params string[] args)
    {
        await using var command = new AppProcess(Info(folder, databaseFile, args, null, null));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await command._process.WaitForExitAsync(timeout.Token);
        return (command.ExitCode, command.Output);
    }

    /// <summary>Stops the app as systemd does (SIGTERM), waits for it to exit, returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        return _process.ExitCode;
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        const string listening = "Now listening on: ";
        if (line.Contains(listening)) _listening.TrySetResult(line[(line.IndexOf(listening, StringComparison.Ordinal) + listening.Length)..].Trim());
    }

    private static ProcessStartInfo Info(string folder, string databaseFile, string[] args, Dictionary<string, string>? settings, int? runAs)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var app = Path.Combine(AppContext.BaseDirectory, "Events.Web.dll");
        var start = runAs is { } uid
            ? new ProcessStartInfo("setpriv", [$"--reuid={uid}", $"--regid={uid}", "--clear-groups", dotnet, app, .. args])
            : new ProcessStartInfo(dotnet, [app, .. args]);
        start.WorkingDirectory = folder;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var env = start.Environment;
        env["ConnectionStrings__Events"] = $"Data Source={databaseFile}";
        env["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Events__Mail__PickupDirectory"] = Path.Combine(folder, "mail");
        env["Events__RateLimiting__Enabled"] = "false";
        if (runAs is not null) env["HOME"] = folder;
        foreach (var (key, value) in settings ?? []) env[key] = value;
        return start;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
