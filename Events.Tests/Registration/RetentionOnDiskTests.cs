using System.Net.Http.Json;
using System.Text;
using Dapper;
using Events.Api.Registration;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>
/// Erased means gone from the disk: once retention has emptied the rows, the database file and its WAL hold no copy of
/// the names, addresses, organisations and needs (SQLite keeps old copies in free space, free pages and the WAL unless
/// told otherwise), nor the SMTP server's refusals that named an address.
/// </summary>
public sealed class RetentionOnDiskTests
{
    private static readonly DateTimeOffset BeforeTheEvent = new(2027, 5, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FourMonthsAfter = new(2027, 10, 26, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ErasedPeopleLeaveNoCopyInTheDatabaseFileNorItsWal()
    {
        var people = Enumerable.Range(1, 10).Select(i => new
        {
            firstName = $"Zephyrine{i:00}", lastName = $"Quillonbart{i:00}", email = $"zq{i:00}.erasable@quillon.example",
            organisation = $"Quillon Ateliers {i:00}", accessibilityNeeds = $"Boucle quillonesque {i:00}", language = "fr", consent = true,
        }).ToList();
        const string speaker = "grace.quillon@quillon.example";
        await using var smtp = await SmtpSink.StartAsync(refused: [people[0].email, speaker]); // the refusal names the address
        var clock = new ManualClock(BeforeTheEvent);
        using var app = new EventsApp(smtp.Settings(), clock);
        foreach (var person in people) (await app.Client().PostAsJsonAsync("/api/v1/registrations", person)).EnsureSuccessStatusCode();
        await app.InviteAsync("Grace Hopper", speaker);
        await app.DrainMailAsync();
        using (var c = app.Db.OpenRead()) Assert.Contains(c.Query<string>("SELECT last_error FROM outbox WHERE last_error IS NOT NULL"), e => e.Contains(speaker));
        var secrets = people.SelectMany(p => new[] { p.firstName, p.lastName, p.email, p.organisation, p.accessibilityNeeds }).Append(speaker).ToList();
        Assert.All(secrets, s => Assert.Contains(s, FileText(app), StringComparison.OrdinalIgnoreCase)); // the search finds them before

        clock.Now = FourMonthsAfter;
        Assert.Equal((10, 10), await app.Services.GetRequiredService<Retention>().ApplyAsync());

        var text = FileText(app);
        var found = secrets.Where(s => text.Contains(s, StringComparison.OrdinalIgnoreCase)).ToList();
        var copies = secrets.Sum(s => Copies(text, s));
        Assert.True(found.Count == 0,
            $"{found.Count} of {secrets.Count} erased values still in the file or its WAL ({text.Length:N0} bytes), {copies} copies: {string.Join(", ", found)}");
    }

    [Fact]
    public async Task EveryConnectionOfTheAppOverwritesWhatItDeletes()
    {
        using var app = new EventsApp();
        for (var i = 0; i < 3; i++) // the pool gives the same connections back
            using (var c = app.Db.OpenRead())
                Assert.Equal(1, c.ExecuteScalar<long>("PRAGMA secure_delete"));
        Assert.Equal(1, await app.Db.WriteAsync((c, tx) => c.ExecuteScalar<long>("PRAGMA secure_delete", transaction: tx)));
    }

    private static int Copies(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase)) count++;
        return count;
    }

    /// <summary>The database file and its WAL as text, read beside the running app.</summary>
    private static string FileText(EventsApp app)
    {
        var text = new StringBuilder();
        foreach (var path in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            file.CopyTo(memory);
            text.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }
        return text.ToString();
    }
}
