using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Events.Api.Mail;
using Events.Api.Registration;
using Events.Api.Storage;
using Events.Api.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

// Ticket e-mails per second from the outbox to an SMTP server on loopback: N registrations are queued, then one
// drain of the real worker composes each message (QR PNG, .ics, HTML + text) and sends it over one SMTP connection.
var count = args.Length > 0 ? int.Parse(args[0]) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var folder = Directory.CreateTempSubdirectory("events-mailbench-").FullName;
var port = FreePort();
var received = new Counter();
using var stopSmtp = new CancellationTokenSource();
var smtp = new SmtpServer.SmtpServer(
    new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build(),
    Services(received));
var smtpRunning = smtp.StartAsync(stopSmtp.Token);

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Events"] = $"Data Source={Path.Combine(folder, "events.db")}",
    ["Events:Event:Capacity"] = "1000000",
    ["Events:Smtp:Host"] = "127.0.0.1",
    ["Events:Smtp:Port"] = port.ToString(),
    ["Events:Smtp:Security"] = "None",
    ["Events:Mail:PollSeconds"] = "0", // no background loop: the bench drives the drain
}).AddEnvironmentVariables().Build(); // e.g. Events__Mail__BatchSize=10 to compare
var services = new ServiceCollection()
    .AddLogging(l => l.AddConsole().SetMinimumLevel(LogLevel.Warning))
    .AddStorage(configuration).AddRegistration().AddMail(configuration).AddTickets()
    .BuildServiceProvider();
services.MigrateDatabase();
services.SeedEvent();
var registrations = services.GetRequiredService<RegistrationService>();
var worker = services.GetRequiredService<OutboxWorker>();

async Task Queue(int n, string prefix)
{
    for (var i = 0; i < n; i++)
        await registrations.RegisterAsync(new RegistrationInput("Bench", $"Person {i}", $"{prefix}{i}@example.org", "Bench Org", null, i % 2 == 0 ? "fr" : "en", true));
}

// Warm-up (JIT, first connection), not measured.
await Queue(300, "warm");
await worker.DrainAsync();

// Three rounds on the same database (the machine is shared, so one figure alone can mislead); the median is reported.
var rates = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    var queueTimer = Stopwatch.StartNew();
    await Queue(count, $"bench{round}-");
    queueTimer.Stop();

    received.Reset();
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var timer = Stopwatch.StartNew();
    var delivered = await worker.DrainAsync();
    timer.Stop();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

    using (var c = services.GetRequiredService<Db>().OpenRead())
    {
        var notSent = c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'");
        if (delivered != count || received.Messages != count || notSent != 0)
            throw new InvalidOperationException($"delivered {delivered}, server received {received.Messages}, not sent {notSent}: " +
                string.Join("; ", c.Query<string>("SELECT status || ' ' || attempts || ' ' || COALESCE(last_error, '') FROM outbox WHERE status <> 'sent' LIMIT 5")));
    }
    var rate = count / timer.Elapsed.TotalSeconds;
    rates.Add(rate);
    Console.WriteLine($"round {round}: queued {count} registrations in {queueTimer.Elapsed.TotalSeconds:F2} s; delivered {count} ticket e-mails " +
                      $"in {timer.Elapsed.TotalSeconds:F2} s = {rate:F0} messages/s; " +
                      $"CPU {cpu.TotalMilliseconds / count:F2} ms per message, app and SMTP server together (average {received.Bytes / count} bytes, largest {received.Largest})");
}
var median = rates.Order().ElementAt(rates.Count / 2);
Console.WriteLine($"RESULT mail_messages_per_second={median:F0} (median of {rounds} rounds of {count}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");

await stopSmtp.CancelAsync();
try { await smtpRunning.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
await services.DisposeAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return median >= 500 ? 0 : 2;

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var p = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return p;
}

static SmtpServer.ComponentModel.ServiceProvider Services(Counter counter)
{
    var provider = new SmtpServer.ComponentModel.ServiceProvider();
    provider.Add(counter);
    provider.Add(new Events.Tests.Mail.NoDelayListenerFactory());
    return provider;
}

sealed class Counter : MessageStore
{
    private long _messages, _bytes, _largest;
    public long Messages => Interlocked.Read(ref _messages);
    public long Bytes => Interlocked.Read(ref _bytes);
    public long Largest => Interlocked.Read(ref _largest);

    public void Reset() { _messages = 0; _bytes = 0; _largest = 0; }

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, buffer.Length);
        long seen;
        while ((seen = Interlocked.Read(ref _largest)) < buffer.Length && Interlocked.CompareExchange(ref _largest, buffer.Length, seen) != seen) { }
        return Task.FromResult(SmtpResponse.Ok);
    }
}

