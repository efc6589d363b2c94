using Events.Api.Configuration;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Events.Api.Mail;

/// <summary>Where messages go for one drain of the outbox. Not thread-safe: one drain at a time uses it.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <summary>Delivers one message. <paramref name="label"/> names it where a name is useful (pickup files).</summary>
    Task SendAsync(MimeMessage message, string label, CancellationToken ct);
}

/// <summary>Opens a transport per drain and says where mail goes, for the log.</summary>
public interface IMailTransportFactory
{
    IMailTransport Open();
    string Describe();

    /// <summary>Retention: copies of sent messages kept by the transport (the pickup folder) older than <paramref name="cutoff"/> go.</summary>
    void ForgetWrittenBefore(DateTimeOffset cutoff) { }
}

/// <summary>The server could not be reached or refused to let us in: the whole batch waits for a retry.</summary>
public sealed class MailConnectException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// <c>Events:Smtp:Host</c> set: SMTP through MailKit, one connection opened on the first message and reused for the
/// rest of the drain; <c>Events:Smtp:Security</c> picks STARTTLS, implicit TLS, none or auto.
/// </summary>
public sealed class SmtpTransportFactory(SmtpOptions options) : IMailTransportFactory
{
    public IMailTransport Open() => new SmtpTransport(options);

    public string Describe() => $"SMTP server {options.Host}:{options.Port} ({options.Security})";

    private sealed class SmtpTransport(SmtpOptions options) : IMailTransport
    {
        private readonly SmtpClient _client = new() { Timeout = 30_000 };

        public async Task SendAsync(MimeMessage message, string label, CancellationToken ct)
        {
            if (!_client.IsConnected) await ConnectAsync(ct);
            try
            {
                await _client.SendAsync(message, ct);
            }
            catch (Exception e) when (e is IOException or ServiceNotConnectedException or ProtocolException or OperationCanceledException)
            {
                // The connection is in an unknown state: drop it, the next message reconnects.
                await DropAsync();
                throw;
            }
        }

        private async Task ConnectAsync(CancellationToken ct)
        {
            try
            {
                // Our own socket, to turn off Nagle's algorithm: SMTP is small commands and replies, and a body's last
                // partial segment held back until the server's delayed ACK costs ~40 ms per message.
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    timeout.CancelAfter(_client.Timeout);
                    await socket.ConnectAsync(options.Host!, options.Port, timeout.Token);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                await _client.ConnectAsync(socket, options.Host!, options.Port, Security(options.Security), ct);
                if (!string.IsNullOrEmpty(options.Username))
                    await _client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await DropAsync();
                throw new MailConnectException($"Cannot reach {options.Host}:{options.Port}: {e.Message}", e);
            }
        }

        private static SecureSocketOptions Security(string value) => value.Trim().ToLowerInvariant() switch
        {
            "none" => SecureSocketOptions.None,
            "sslonconnect" or "ssl" or "tls" => SecureSocketOptions.SslOnConnect,
            "auto" => SecureSocketOptions.Auto,
            _ => SecureSocketOptions.StartTls,
        };

        private async Task DropAsync()
        {
            try { if (_client.IsConnected) await _client.DisconnectAsync(false); } catch (Exception) { /* already broken */ }
        }

        public async ValueTask DisposeAsync()
        {
            try { if (_client.IsConnected) await _client.DisconnectAsync(true); } catch (Exception) { /* QUIT is a courtesy */ }
            _client.Dispose();
        }
    }
}

/// <summary>
/// No <c>Events:Smtp:Host</c>: each message becomes an <c>.eml</c> file in <c>Events:Mail:PickupDirectory</c>
/// (written under a temporary name, then renamed, so a reader never sees half a file). Any mail client opens them.
/// </summary>
public sealed class PickupTransportFactory(string directory) : IMailTransportFactory
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public IMailTransport Open()
    {
        System.IO.Directory.CreateDirectory(Directory);
        return new PickupTransport(Directory);
    }

    public string Describe() => $"pickup folder {Directory} (no Events:Smtp:Host configured)";

    public void ForgetWrittenBefore(DateTimeOffset cutoff)
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.eml"))
            if (File.GetLastWriteTimeUtc(file) < cutoff.UtcDateTime) File.Delete(file);
    }

    private sealed class PickupTransport(string directory) : IMailTransport
    {
        private static readonly FormatOptions Crlf = CreateFormat();

        private static FormatOptions CreateFormat()
        {
            var format = FormatOptions.Default.Clone();
            format.NewLineFormat = NewLineFormat.Dos; // as on the wire
            return format;
        }

        public async Task SendAsync(MimeMessage message, string label, CancellationToken ct)
        {
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{label}-{Guid.NewGuid().ToString("N")[..8]}";
            var temp = Path.Combine(directory, name + ".tmp");
            try
            {
                await using (var file = File.Create(temp))
                    await message.WriteToAsync(Crlf, file, ct);
                File.Move(temp, Path.Combine(directory, name + ".eml"));
            }
            catch
            {
                // A full disk leaves a half-written file: no stray .tmp stays behind, the message is retried.
                try { File.Delete(temp); } catch (IOException) { /* the next retry writes a new name */ }
                throw;
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
