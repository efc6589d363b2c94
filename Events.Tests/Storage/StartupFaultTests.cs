using Dapper;
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
    public async Task ADatabaseWithDamagedPagesStopsTheAppWithOneClearLine()
    {
        var file = Path.Combine(_folder, "events.db");
        Seed(file, registrations: 3000);
        var length = new FileInfo(file).Length;
        using (var damage = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            // The header and the first pages (schema, event) stay intact; a third of the pages in the middle are garbage.
            damage.Position = length / 3 / 4096 * 4096;
            damage.Write(Enumerable.Repeat((byte)0x5A, (int)(length / 3)).ToArray());
        }

        var (exit, output) = await StartAsync(file);

        Assert.Equal(1, exit);
        Assert.Equal([$"Events cannot start: the database {file} cannot be used: it is corrupt"], Lines(output));
    }

    [SkippableFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task AnExistingDatabaseInAReadOnlyFolderStopsTheAppWithOneClearLine()
    {
        var data = Path.Combine(_folder, "data");
        var file = Path.Combine(data, "events.db");
        Seed(file, registrations: 10);
        // What a stopped app leaves beside its database; SQLite can then open it without creating a file.
        File.WriteAllBytes(file + "-wal", []);
        File.WriteAllBytes(file + "-shm", []);
        Directory.CreateDirectory(Path.Combine(data, "keys"));
        int? runAs = null;
        if (Environment.UserName == "root")
        {
            // Root writes into a folder whatever its mode: run the app as nobody, who may write the files but not the folder.
            Skip.IfNot(File.Exists("/usr/bin/setpriv"), "running as root, and without setpriv the app cannot be run as another user, for whom a folder's mode counts");
            runAs = 65534;
            File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(Path.Combine(data, "keys"), (UnixFileMode)0b111_111_111);
            foreach (var each in Directory.GetFiles(data)) File.SetUnixFileMode(each, (UnixFileMode)0b110_110_110);
        }
        File.SetUnixFileMode(data, (UnixFileMode)0b101_101_101); // 0555
        try
        {
            var (exit, output) = await StartAsync(file, runAs: runAs);

            Assert.Equal(1, exit);
            var line = Assert.Single(Lines(output));
            Assert.StartsWith($"Events cannot start: the database {file} cannot be used: it cannot be opened for writing: no file can be created in its folder {data} ", line);
        }
        finally { File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101); }
    }

    /// <summary>A migrated database with an event and <paramref name="registrations"/> people, closed (its WAL folded in).</summary>
    private static void Seed(string file, int registrations)
    {
        using (var db = new Db($"Data Source={file}"))
        {
            Migrator.Migrate(db);
            db.WriteAsync((c, tx) => c.Execute("""
                INSERT INTO events (title, starts_at, ends_at, venue, address, capacity)
                VALUES ('Matinée', '2027-06-26T08:30:00+02:00', '2027-06-26T12:30:00+02:00', 'Seine InnoPolis', '72 rue de la République', 5000);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @registrations)
                INSERT INTO registrations (event_id, manage_code_hash, ticket_code_hash, first_name, last_name, email, email_key, organisation,
                    accessibility_needs, language, status, created_at, updated_at, search_key, sort_key)
                SELECT 1, 'm' || i, 't' || i, 'Ada' || i, 'Lovelace', 'ada' || i || '@example.org', 'ada' || i || '@example.org',
                    'Analytical Engines', 'Boucle magnétique, place ' || i, 'fr', 'confirmed', '2027-05-01T10:00:00Z', '2027-05-01T10:00:00Z',
                    'ada' || i || ' lovelace', 'lovelace ada' || i
                FROM n;
                """, new { registrations }, tx)).GetAwaiter().GetResult();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>What the process printed, line by line, blank lines left out.</summary>
    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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

    [Theory]
    [InlineData("Events__Event__Capacity", "trois cents", "Events:Event:Capacity")]
    [InlineData("Events__Smtp__Port", "0", "Events:Smtp:Port")]
    [InlineData("Events__Event__TimeZone", "Europe/Rouen", "Events:Event:TimeZone")]
    [InlineData("Events__PublicBaseUrl", "events.example.org", "Events:PublicBaseUrl")]
    public async Task AWrongSettingStopsTheAppWithOneLineNamingItsKey(string variable, string value, string key)
    {
        var (exit, output) = await StartAsync(Path.Combine(_folder, "events.db"), settings: new() { [variable] = value });

        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("Events cannot start: the configuration is wrong:", line);
        Assert.Contains(key, line);
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
    private async Task<(int Exit, string Output)> StartAsync(
        string databaseFile, bool stopAfterStart = false, Dictionary<string, string>? settings = null, int? runAs = null)
    {
        await using var app = await AppProcess.StartAsync(_folder, databaseFile, settings, runAs);
        return app.HasExited ? (app.ExitCode, app.Output) : (stopAfterStart ? -1 : -2, app.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
