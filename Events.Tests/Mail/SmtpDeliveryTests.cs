using System.Text;
using Dapper;
using Events.Api.Mail;
using Events.Api.Security;
using Events.Tests.Infrastructure;
using Events.Tests.Tickets;
using MimeKit;

namespace Events.Tests.Mail;

/// <summary>
/// Ticket e-mails through a real SMTP conversation over TCP on loopback. The tests drain the outbox themselves and
/// move the app's clock past each retry delay: nothing waits for real time to pass.
/// </summary>
public sealed class SmtpDeliveryTests
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15); // Events:Mail:FirstRetrySeconds, default

    private readonly ManualClock _clock = new(new DateTimeOffset(2027, 5, 3, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RegisteringDeliversATicketWithInlineQrCalendarAndCodeThatMatchesTheTicketPage()
    {
        await using var smtp = await SmtpSink.StartAsync();
        using var app = new EventsApp(smtp.Settings(), _clock);
        var created = await app.RegisterAsync("ada@example.org", "Ada", "Lovelace");

        Assert.Equal(1, await app.DrainMailAsync());
        var mail = Assert.Single(smtp.Messages);
        var raw = smtp.Raw.Single();
        Assert.True(raw.Length <= 30 * 1024, $"the message is {raw.Length} bytes");
        Assert.Equal("ada@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Matinée du numérique responsable", mail.Subject);

        // The QR: an inline PNG referenced by Content-ID from the HTML part.
        var png = mail.Part("image", "png")!;
        Assert.False(string.IsNullOrEmpty(png.ContentId));
        Assert.Contains($"cid:{png.ContentId}", mail.HtmlBody);
        Assert.True(png.ContentDisposition is null || png.ContentDisposition.Disposition == ContentDisposition.Inline);
        Assert.Equal("multipart/related", FindParent(mail.Body!, png)!.ContentType.MimeType);
        var decoded = QrDecoder.DecodePng(png.Bytes());
        Assert.Equal(app.TicketCode(created.ManageCode), decoded);

        // The code as text, in groups of four, in both alternatives.
        var grouped = SecretCode.Grouped(decoded);
        Assert.Matches("^([2-9A-HJ-NP-Z]{4}-){6}[2-9A-HJ-NP-Z]{4}$", grouped);
        Assert.Contains(grouped, mail.TextBody);
        Assert.Contains(grouped, mail.HtmlBody);
        Assert.Contains("Ada Lovelace", mail.TextBody);
        Assert.Contains("Seine InnoPolis", mail.TextBody);
        Assert.Contains("08:30", mail.TextBody);
        Assert.Contains(created.ManageUrl, mail.TextBody);

        // The calendar file.
        var ics = Encoding.UTF8.GetString(mail.Part("text", "calendar")!.Bytes());
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270626T083000", ics);
        Assert.Contains("DTEND;TZID=Europe/Paris:20270626T123000", ics);
        Assert.Contains("LOCATION:Seine InnoPolis", ics);
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Matches("UID:[0-9a-f]{32}@localhost", ics);

        // The web ticket behind the link shows the same code the QR holds.
        var ticketUrl = mail.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/ticket/"));
        using var client = app.Client();
        var page = await client.GetPageAsync(new Uri(ticketUrl).PathAndQuery);
        Assert.Equal(decoded, SecretCode.Normalise(page.QuerySelector(".ticket-code .code")!.TextContent));
    }

    private static MimeEntity? FindParent(MimeEntity root, MimeEntity child) => root switch
    {
        Multipart m when m.Contains(child) => m,
        Multipart m => m.Select(e => FindParent(e, child)).FirstOrDefault(p => p is not null),
        _ => null,
    };

    [Fact]
    public async Task TheTicketIsWordedInTheLanguageChosenAtRegistration()
    {
        await using var smtp = await SmtpSink.StartAsync();
        using var app = new EventsApp(smtp.Settings(), _clock);
        await app.RegisterAsync("en@example.org", language: "en");
        await app.RegisterAsync("fr@example.org", language: "fr");

        Assert.Equal(2, await app.DrainMailAsync());
        var mails = smtp.Messages;
        var en = mails.Single(m => m.To.Mailboxes.Single().Address == "en@example.org");
        var fr = mails.Single(m => m.To.Mailboxes.Single().Address == "fr@example.org");
        Assert.StartsWith("Your ticket", en.Subject);
        Assert.Contains("Saturday 26 June 2027", en.TextBody);
        Assert.StartsWith("Votre billet", fr.Subject);
        Assert.Contains("samedi 26 juin 2027", fr.TextBody);
    }

    [Fact]
    public async Task FiftyRegistrationsWhileTheServerIsDownAreAllDeliveredOnceItIsUp()
    {
        var port = SmtpSink.FreePort();
        using var app = new EventsApp(SmtpSink.SmtpSettings(port), _clock);
        var codes = new List<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 50), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var created = await app.RegisterAsync($"down{i}@example.org");
            lock (codes) codes.Add(app.TicketCode(created.ManageCode)!);
        });
        Assert.Equal(0, await app.DrainMailAsync()); // nothing listens: every message is retried later, none is lost
        Assert.Equal(50, app.Outbox().Count);
        Assert.All(app.Outbox(), o => Assert.Equal("queued", o.Status)); // the worker keeps retrying
        Assert.Contains(app.Outbox(), o => o.LastError?.Contains("unreachable") == true);

        // The worker stopped at the first batch it could not deliver: those wait for their retry, the rest are still due.
        var tried = app.Outbox().Count(o => o.Attempts > 0);
        Assert.InRange(tried, 1, 50);
        await using var smtp = await SmtpSink.StartAsync(port);
        Assert.Equal(50 - tried, await app.DrainMailAsync()); // the server is back: what was never tried goes at once
        _clock.Now += FirstRetry;
        Assert.Equal(tried, await app.DrainMailAsync()); // and the rest at their retry
        var delivered = smtp.Messages.Select(m => m.TicketCodeInText() ?? "none").Distinct().Order();
        Assert.Equal(codes.Order(), delivered); // every ticket arrived, at least once
        Assert.All(app.Outbox(), o => Assert.Equal("sent", o.Status));
    }

    [Fact]
    public async Task AMessageIsMarkedFailedWithItsLastErrorOnceItsAttemptsAreUsedUp()
    {
        var port = SmtpSink.FreePort();
        using var app = new EventsApp(SmtpSink.SmtpSettings(port).With("Events:Mail:MaxAttempts", "3"), _clock);
        await app.RegisterAsync();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await app.DrainMailAsync();
            Assert.Equal(attempt, app.Outbox().Single().Attempts);
            await app.DrainMailAsync(); // too early for the next attempt: nothing is tried
            Assert.Equal(attempt, app.Outbox().Single().Attempts);
            _clock.Now += OutboxQueue.Backoff(attempt, FirstRetry); // 15 s, then 30 s
        }
        var row = app.Outbox().Single();
        Assert.Equal(("failed", 3L), (row.Status, row.Attempts));
        Assert.Contains("Cannot reach 127.0.0.1", row.LastError);
    }

    [Fact]
    public async Task MessagesLeftSendingByADeadProcessAreDeliveredAfterRestart()
    {
        var folder = Directory.CreateTempSubdirectory("events-restart-").FullName;
        var database = new Dictionary<string, string?> { ["ConnectionStrings:Events"] = $"Data Source={Path.Combine(folder, "events.db")}" };
        try
        {
            var port = SmtpSink.FreePort();
            using (var first = new EventsApp(SmtpSink.SmtpSettings(port).With(database), _clock))
            {
                for (var i = 0; i < 5; i++) await first.RegisterAsync($"r{i}@example.org");
                using var c = first.Db.OpenRead();
                // What a process killed mid-delivery leaves behind: rows claimed but never recorded.
                c.Execute("UPDATE outbox SET status = 'sending', attempts = 1 WHERE id <= 3");
            }
            await using var smtp = await SmtpSink.StartAsync(port);
            using var second = new EventsApp(smtp.Settings(database), _clock);
            Assert.Equal(5, await second.DrainMailAsync()); // the first drain after a start puts them back in the queue
            Assert.Equal(5, smtp.Raw.Count);
            Assert.All(second.Outbox(), o => Assert.Equal("sent", o.Status));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

internal static class SettingsExtensions
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, string key, string? value)
    {
        settings[key] = value;
        return settings;
    }

    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, Dictionary<string, string?> more)
    {
        foreach (var (k, v) in more) settings[k] = v;
        return settings;
    }
}
