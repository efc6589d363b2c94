using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Events.Tests.Mail;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, in this process. It keeps every message's
/// raw bytes. <see cref="Stall"/> makes it hang in DATA, like a server that stops answering mid-delivery;
/// <see cref="Refused"/> lists addresses it refuses for good, naming them in its answer as real servers do.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    public int Port { get; }
    public ConcurrentQueue<byte[]> Raw { get; } = new();
    public bool Stall { get; init; }
    public IReadOnlyCollection<string> Refused { get; init; } = [];

    private SmtpSink(int port, bool stall)
    {
        Port = port;
        Stall = stall;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListenerFactory());
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>Starts a server on <paramref name="port"/> (a free one when 0) and waits until it accepts connections.</summary>
    public static async Task<SmtpSink> StartAsync(int port = 0, bool stall = false, IReadOnlyCollection<string>? refused = null)
    {
        var sink = new SmtpSink(port == 0 ? FreePort() : port, stall) { Refused = refused ?? [] };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, sink.Port);
                return sink;
            }
            catch (SocketException) { await Task.Delay(50); }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {sink.Port}.");
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The app settings that send mail here; the test drains the outbox itself (no background loop).</summary>
    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = SmtpSettings(Port);
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return settings;
    }

    public static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Events:Smtp:Host"] = "127.0.0.1",
        ["Events:Smtp:Port"] = port.ToString(),
        ["Events:Smtp:Security"] = "None",
        ["Events:Smtp:From"] = "Matinée <billets@example.org>",
        ["Events:Mail:PollSeconds"] = "0",
    };

    public IReadOnlyList<MimeMessage> Messages => Raw.Select(b => MimeMessage.Load(new MemoryStream(b))).ToList();

    /// <summary>Waits (bounded) until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Raw.Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(Raw.Count >= count, $"expected {count} messages, the SMTP server received {Raw.Count}");
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (sink.Stall) await Task.Delay(Timeout.Infinite, ct);
            if (transaction.To.Select(m => $"{m.User}@{m.Host}").FirstOrDefault(sink.Refused.Contains) is { } refused)
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 <{refused}>: Recipient address rejected: User unknown");
            sink.Raw.Enqueue(buffer.ToArray());
            return SmtpResponse.Ok;
        }
    }
}
