using Events.Api.Mail;
using Events.Api.Storage;
using Events.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Events.Tests.Mail;

/// <summary>The worker composes only a little ahead of what it has sent, whatever the batch size: memory stays bounded.</summary>
public sealed class ComposeAheadTests
{
    [Fact]
    public async Task TheWorkerComposesAtMostOneMessagePerCoreAheadOfWhatItHasSent()
    {
        using var app = new EventsApp(new() { ["Events:Mail:PollSeconds"] = "0", ["Events:Mail:BatchSize"] = "12" });
        var probe = new ProbeComposer(app.MailFolder);
        using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IOutboxComposer>(probe)));
        var db = host.Services.GetRequiredService<Db>();
        for (var i = 0; i < 12; i++)
            await db.WriteAsync((c, tx) => Outbox.Enqueue(c, tx, ProbeComposer.Kind, null, DateTimeOffset.UtcNow, "{}"));

        Assert.Equal(12, await host.Services.GetRequiredService<OutboxWorker>().DrainAsync());

        // One being sent, one per core being composed.
        Assert.InRange(probe.MostAhead, 1, Environment.ProcessorCount + 1);
    }

    private sealed class ProbeComposer(string pickupFolder) : IOutboxComposer
    {
        public const string Kind = "probe";
        private int _started;
        public int MostAhead { get; private set; }
        public IReadOnlyCollection<string> Kinds => [Kind];

        public MimeMessage Compose(OutboxMessage message)
        {
            var sent = Directory.Exists(pickupFolder) ? Directory.GetFiles(pickupFolder, "*.eml").Length : 0;
            lock (this) MostAhead = Math.Max(MostAhead, ++_started - sent);
            Thread.Sleep(20); // composing takes a while: a QR code, a calendar
            var mail = new MimeMessage { Subject = "probe", Body = new TextPart("plain") { Text = "probe" } };
            mail.From.Add(new MailboxAddress("Events", "events@example.org"));
            mail.To.Add(new MailboxAddress("Someone", $"someone{message.Id}@example.org"));
            return mail;
        }
    }
}
