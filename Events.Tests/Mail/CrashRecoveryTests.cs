using System.Diagnostics;
using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Events.Tests.Mail;

/// <summary>The app process is killed (SIGKILL) while messages are queued and one is mid-delivery; after a restart all arrive.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KillingTheAppWhileMessagesAreQueuedOrSendingLosesNone()
    {
        var folder = Directory.CreateTempSubdirectory("events-kill-").FullName;
        var databaseFile = Path.Combine(folder, "events.db");
        try
        {
            // 1. The real app in its own process, sending to a server that hangs in DATA: the first message stays 'sending'.
            await using (var stalling = await SmtpSink.StartAsync(stall: true))
            {
                var port = SmtpSink.FreePort();
                using var process = StartApp(folder, databaseFile, port, stalling.Port);
                try
                {
                    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
                    await WaitForHealthAsync(http, process);
                    for (var i = 0; i < 20; i++)
                    {
                        var response = await http.PostAsJsonAsync("/api/v1/registrations", new
                        {
                            firstName = "Kill", lastName = $"Test {i}", email = $"kill{i}@example.org", language = "fr", consent = true,
                        });
                        response.EnsureSuccessStatusCode();
                    }
                    await WaitUntil(() => Statuses(databaseFile).Contains("sending"));
                }
                finally
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            var left = Statuses(databaseFile);
            Assert.Equal(20, left.Count);
            Assert.Contains("sending", left);
            Assert.DoesNotContain("sent", left);

            // 2. Restart on the same database with a working server and the background loop on: every ticket arrives.
            await using var smtp = await SmtpSink.StartAsync();
            using var app = new EventsApp(smtp.Settings(new() { ["ConnectionStrings:Events"] = $"Data Source={databaseFile}", ["Events:Mail:PollSeconds"] = "0.2" }));
            app.Client().Dispose();
            await smtp.WaitForAsync(20, seconds: 30);
            using (var c = app.Db.OpenRead())
            {
                var codes = c.Query<string>("SELECT codes_sealed FROM registrations").Select(s => Events.Tests.CheckIn.Tickets.Opened(app, s)!.Ticket).Order();
                Assert.Equal(codes, smtp.Messages.Select(m => m.TicketCodeInText() ?? "none").Distinct().Order());
            }
            await WaitUntil(() => app.Outbox().All(o => o.Status == "sent"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Polls (bounded) what another process, or the app's background loop, does in its own time.</summary>
    private static async Task WaitUntil(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(condition(), "condition not met in time");
    }

    private static List<string> Statuses(string databaseFile)
    {
        using var c = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c.Query<string>("SELECT status FROM outbox ORDER BY id").ToList();
    }

    /// <summary>Events.Web.dll, copied beside the tests, run with <c>dotnet exec</c> in a working folder of its own.</summary>
    private static Process StartApp(string folder, string databaseFile, int httpPort, int smtpPort)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Events.Web.dll"));
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Urls"] = $"http://127.0.0.1:{httpPort}";
        env["ConnectionStrings__Events"] = $"Data Source={databaseFile}";
        env["Events__Smtp__Host"] = "127.0.0.1";
        env["Events__Smtp__Port"] = smtpPort.ToString();
        env["Events__Smtp__Security"] = "None";
        env["Events__Mail__PollSeconds"] = "0.2";
        env["Events__Mail__PickupDirectory"] = Path.Combine(folder, "mail");
        env["Events__RateLimiting__Enabled"] = "false";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the app exited with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("the app did not start within 60 s");
    }
}
