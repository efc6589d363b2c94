using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Api.Storage;
using Events.Tests.Infrastructure;

namespace Events.Tests.Storage;

/// <summary><c>Events.Web backup</c> while the app runs, then <c>restore</c> into a new place: data and signed cookies come back.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-backup-").FullName;

    [Fact]
    public async Task ABackupTakenWhileTheAppRunsRestoresTheDataAndTheKeysThatSignCookies()
    {
        var backup = Path.Combine(_folder, "backup.db");
        string cookie;
        string manageCode;
        using (var app = new EventsApp())
        {
            manageCode = (await app.RegisterAsync("ada@example.org")).ManageCode;
            using var raw = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
            var login = await raw.PostAsJsonAsync("/api/v1/auth/login", new { email = EventsApp.AdminEmail, password = EventsApp.AdminPassword });
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Events.Auth=", StringComparison.Ordinal)).Split(';')[0];
            Assert.Equal(HttpStatusCode.OK, (await Get(raw, "/organisers/dashboard", cookie)).StatusCode);

            var said = Maintenance.Backup($"Data Source={app.DatabasePath}", backup); // the app is running
            Assert.Contains(backup, said);
        }

        var restoredPath = Path.Combine(_folder, "restored", "events.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredPath)!);
        Assert.Contains("Restored", Maintenance.Restore($"Data Source={restoredPath}", backup));

        using var restored = new EventsApp(new() { ["ConnectionStrings:Events"] = $"Data Source={restoredPath}" });
        using var client = restored.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registrations/{manageCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(client, "/organisers/dashboard", cookie)).StatusCode); // same keys, same session
        Assert.Equal(HttpStatusCode.Redirect, (await Get(client, "/organisers/dashboard", ".Events.Auth=forged")).StatusCode);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "restored", "keys"), "key-*.xml"));
        using (var c = restored.Db.OpenRead()) Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'backup_keys'"));
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task ABackupNeverOverwritesAFileAndARestoreRefusesAFileThatIsNotABackup()
    {
        var existing = Path.Combine(_folder, "existing.db");
        File.WriteAllText(existing, "keep me");
        Assert.Throws<IOException>(() => Maintenance.Backup($"Data Source={Path.Combine(_folder, "live.db")}", existing));
        Assert.Equal("keep me", File.ReadAllText(existing));

        var notABackup = Path.Combine(_folder, "notes.db");
        using (var db = new Db($"Data Source={notABackup}")) await db.WriteAsync((c, tx) => c.Execute("CREATE TABLE notes (x)", transaction: tx));
        Assert.Throws<InvalidDataException>(() => Maintenance.Restore($"Data Source={Path.Combine(_folder, "live.db")}", notABackup));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
