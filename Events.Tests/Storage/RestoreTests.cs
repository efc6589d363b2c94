using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Events.Tests.Storage;

/// <summary>
/// <c>Events.Web restore FILE</c> as an operator runs it, beside the real app in its own process: refused while the
/// app runs on that database (whether or not it is writing at that moment), done once the app is stopped.
/// </summary>
public sealed class RestoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-restore-").FullName;

    [Fact]
    public async Task ARestoreIsRefusedWhileTheAppRunsOnTheDatabaseAndDoneOnceItIsStopped()
    {
        var file = Path.Combine(_folder, "data", "events.db");
        var backup = Path.Combine(_folder, "backup.db");
        string ada, grace;
        await using (var app = await AppProcess.StartAsync(_folder, file))
        {
            Assert.True(app.BaseAddress is not null, app.Output);
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            ada = await RegisterAsync(http, "ada@example.org");
            var (backedUp, said) = await AppProcess.RunAsync(_folder, file, "backup", backup);
            Assert.True(backedUp == 0, said);
            grace = await RegisterAsync(http, "grace@example.org");

            var (exit, output) = await AppProcess.RunAsync(_folder, file, "restore", backup); // the app is idle between requests

            Assert.NotEqual(0, exit);
            Assert.Equal($"restore failed: the app is running on this database (lock held on {file}.lock): stop it first.", output.Trim());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/registrations/{grace}")).StatusCode);
            Assert.Equal(2, Count(file));
            Assert.Equal(0, await app.StopAsync());
        }

        var (restored, restoreOutput) = await AppProcess.RunAsync(_folder, file, "restore", backup);

        Assert.True(restored == 0, restoreOutput);
        Assert.Equal($"Restored {file} from {backup}.", restoreOutput.Trim());
        Assert.Equal(1, Count(file));
        await using (var app = await AppProcess.StartAsync(_folder, file))
        {
            Assert.True(app.BaseAddress is not null, app.Output);
            using var http = new HttpClient { BaseAddress = app.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/registrations/{ada}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/registrations/{grace}")).StatusCode);
        }
    }

    private static async Task<string> RegisterAsync(HttpClient http, string email)
    {
        var response = await http.PostAsJsonAsync("/api/v1/registrations", new { firstName = "Ada", lastName = "Lovelace", email, language = "fr", consent = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EventsApp.Created>())!.ManageCode;
    }

    private static long Count(string file)
    {
        using var c = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        c.Open();
        return c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
