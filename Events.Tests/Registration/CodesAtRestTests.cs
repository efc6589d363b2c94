using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Api.Security;
using Events.Api.Storage;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>
/// Management and ticket codes at rest: the database keeps only their SHA-256 (and a copy sealed with keys that live
/// beside it, not in it), so a copy of the file opens no registration and lets nobody in. Checked on the file's bytes.
/// </summary>
public sealed class CodesAtRestTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task ACopyOfTheDatabaseHoldsNeitherTheTicketCodeNorTheManagementCode()
    {
        var manage = (await _app.RegisterAsync("ada@example.org")).ManageCode;
        await _app.DrainMailAsync();
        var ticket = Assert.Single(_app.PickedUp()).TicketCodeInText()!;
        using var door = await _app.SignedInClientAsync();
        var scan = await (await door.PostAsJsonAsync("/api/v1/checkins", new { code = SecretCode.Grouped(ticket).ToLowerInvariant(), nonce = "n1" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("accepted", scan.GetProperty("outcome").GetString());
        await door.PostAsJsonAsync("/api/v1/checkins", new { code = $"https://example.org/ticket/{ticket}", nonce = "n2" }); // a QR link
        using (var client = _app.Client())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registrations/{manage}")).StatusCode);

        var copy = CopyOfTheDatabase();
        Assert.DoesNotContain(ticket, copy);
        Assert.DoesNotContain(manage, copy);
        Assert.Contains(SecretCode.Hash(ticket), copy); // what it keeps instead
    }

    [Fact]
    public async Task LinksOfADatabaseWrittenBeforeCodesWereHashedStillOpenAfterTheUpgrade()
    {
        var (manage, ticket) = ("MANAGE2345678923456789234567", "TRCKET2345678923456789234567");
        OlderDatabase(_app.DatabasePath, (manage, ticket), ("WWWWWW2345678923456789234567", "WTKTKT2345678923456789234567"));

        using var client = _app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/manage/{manage}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/ticket/{ticket.ToLowerInvariant()}")).StatusCode);
        var view = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/registrations/{manage}");
        Assert.EndsWith($"/ticket/{ticket}", view.GetProperty("ticketUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/registrations/WWWWWW2345678923456789234567")).StatusCode);

        using var door = await _app.SignedInClientAsync();
        var scan = await (await door.PostAsJsonAsync("/api/v1/checkins", new { code = ticket }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("accepted", scan.GetProperty("outcome").GetString());

        await _app.Services.GetRequiredService<Events.Api.Registration.TicketService>().ResendAsync(manage);
        await _app.DrainMailAsync();
        Assert.Equal(ticket, Assert.Single(_app.PickedUp()).TicketCodeInText()); // the same ticket, e-mailed again

        var copy = CopyOfTheDatabase();
        Assert.DoesNotContain(manage, copy);
        Assert.DoesNotContain(ticket, copy);
        Assert.DoesNotContain("WTKTKT2345678923456789234567", copy);
    }

    [Fact]
    public async Task TenThousandOlderRegistrationsAreHashedAThousandPerUnitOfWork()
    {
        var path = Path.Combine(_app.Folder, "older.db");
        OlderDatabase(path, ("MANAGE2345678923456789234567", "TRCKET2345678923456789234567"), ("WWWWWW2345678923456789234567", "WTKTKT2345678923456789234567"));
        using var db = new Db($"Data Source={path}");
        await db.WriteAsync((c, tx) => c.Execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 9998)
            INSERT INTO registrations (event_id, manage_code, ticket_code, first_name, last_name, email, email_key, language, status, created_at, updated_at)
            SELECT 1, printf('M%027d', i), printf('T%027d', i), 'P', 'Q', 'p' || i, 'p' || i, 'fr', 'confirmed', '2027-01-01', '2027-01-01' FROM n
            """, transaction: tx));
        Migrator.Migrate(db);
        var seal = new Events.Api.Registration.CodeSeal(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());

        var before = db.Version;
        Assert.Equal(10_000, Events.Api.Registration.CodeHashing.HashOlderCodes(db, seal));
        Assert.True(db.Version - before >= 10, $"{db.Version - before} commits"); // each commits at most 1,000 rows
        Assert.Equal(0, Events.Api.Registration.CodeHashing.HashOlderCodes(db, seal)); // once only
        using var read = db.OpenRead();
        Assert.Equal(0, read.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE length(ticket_code_hash) <> 64"));
        Assert.Equal(new Events.Api.Registration.RegistrationCodes("MANAGE2345678923456789234567", "TRCKET2345678923456789234567"),
            seal.Open(read.ExecuteScalar<string>("SELECT codes_sealed FROM registrations WHERE id = 1")));
        Assert.Null(read.ExecuteScalar<string>("SELECT codes_sealed FROM registrations WHERE id = 3")); // 'M0…01' is not a code: never reachable, nor now
    }

    /// <summary>
    /// A database as the app left it before migration 0018: the schema up to 0017, an event, registrations whose
    /// codes are written in clear, one confirmed, one waiting, and scans audited in clear.
    /// </summary>
    private static void OlderDatabase(string path, (string Manage, string Ticket) confirmed, (string Manage, string Ticket) waiting)
    {
        var db = new Db($"Data Source={path}");
        try
        {
            Migrator.Migrate(db, through: 17);
            var now = SqlConventions.WriteInstant(DateTimeOffset.UtcNow);
            db.WriteAsync((c, tx) =>
            {
                c.Execute("""
                    INSERT INTO events (title, starts_at, ends_at, venue, address, capacity, confirmed, waitlisted, waitlist_seq)
                    VALUES ('Matinée', '2031-06-26T08:30:00.0000000+02:00', '2031-06-26T13:00:00.0000000+02:00', 'Seine InnoPolis',
                            '72 rue de la République', 1, 1, 1, 1)
                    """, transaction: tx);
                foreach (var (codes, status, seq, name) in new[] { (confirmed, "confirmed", (long?)null, "Ada"), (waiting, "waitlisted", 1L, "Grace") })
                    c.Execute("""
                        INSERT INTO registrations (event_id, manage_code, ticket_code, first_name, last_name, email, email_key,
                            organisation, language, status, waitlist_seq, created_at, updated_at, search_key, sort_key)
                        VALUES (1, @Manage, @Ticket, @name, 'Lovelace', @email, @email, NULL, 'fr', @status, @seq, @now, @now, @name, @name)
                        """, new { codes.Manage, codes.Ticket, name, email = $"{name}@example.org".ToLowerInvariant(), status, seq, now }, tx);
                // The audit kept what was scanned, and the door page's name-search form put the code in its nonce.
                c.Execute("""
                    INSERT INTO organisers (email, email_key, name, role, created_at, updated_at) VALUES ('door@example.org', 'door@example.org', 'Door', 'door', @now, @now);
                    INSERT INTO checkin_scans (nonce, code, registration_id, organiser_id, device, scanned_at, received_at, outcome)
                    VALUES ('0123456789abcdef0123456789abcdef' || @Ticket, @Ticket, 1, 1, 'Door 1', @now, @now, 'unknown'),
                           (NULL, 'https://example.org/ticket/' || @waiting, 2, 1, 'Door 1', @now, @now, 'not_confirmed');
                    """, new { confirmed.Ticket, waiting = waiting.Ticket, now }, tx);
            }).GetAwaiter().GetResult();
        }
        finally
        {
            db.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>The database file and its WAL, copied beside the running app and read as bytes (codes are ASCII).</summary>
    private string CopyOfTheDatabase() => _app.DatabaseFileText();

    public void Dispose() => _app.Dispose();
}
