using Events.Api.Configuration;
using Events.Api.Storage;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Events.Api.Mail;

/// <summary>
/// Drains the outbox in the background. A new row wakes it at once (<see cref="Outbox.Enqueued"/>); otherwise it looks
/// every <c>Events:Mail:PollSeconds</c> or when the next retry is due. Each drain opens one transport (one SMTP
/// connection) for all the messages due, claims them in batches, and records every outcome. Each message is worded by
/// the <see cref="IOutboxComposer"/> that claims its kind. With <c>PollSeconds</c> ≤ 0 nothing runs by itself: tests
/// and tools call <see cref="DrainAsync"/>.
/// </summary>
public sealed class OutboxWorker(
    OutboxQueue queue, IEnumerable<IOutboxComposer> composers, IMailTransportFactory transports,
    IOptions<EventsOptions> options, TimeProvider clock, ILogger<OutboxWorker> log) : BackgroundService
{
    private readonly Dictionary<string, IOutboxComposer> _composers = ByKind(composers);
    private readonly SemaphoreSlim _drainGate = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private bool _recovered;
    private DateTimeOffset _lastStorageWarning = DateTimeOffset.MinValue;

    private MailOptions Mail => options.Value.Mail;

    /// <summary>Asks the loop to look for due messages now.</summary>
    public void Nudge()
    {
        try { if (_wake.CurrentCount == 0) _wake.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        log.LogInformation("E-mails are delivered to the {Destination}", transports.Describe());
        if (Mail.PollSeconds <= 0) return;
        Outbox.Enqueued += Nudge;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var wait = TimeSpan.FromSeconds(Mail.PollSeconds);
                try
                {
                    await DrainAsync(stop);
                    wait = NextWait();
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (StorageUnavailableException e)
                {
                    // A full disk: said once a minute, not at every poll; the drain resumes once writes succeed.
                    if (clock.GetUtcNow() - _lastStorageWarning >= TimeSpan.FromMinutes(1))
                    {
                        _lastStorageWarning = clock.GetUtcNow();
                        log.LogWarning("The mail worker cannot record its work: {Cause}; it tries again at the next poll", e.Message);
                    }
                }
                catch (Exception e)
                {
                    log.LogError(e, "The mail worker failed a drain; it tries again at the next poll");
                }
                await _wake.WaitAsync(wait, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        finally
        {
            Outbox.Enqueued -= Nudge;
        }
    }

    private TimeSpan NextWait()
    {
        var poll = TimeSpan.FromSeconds(Mail.PollSeconds);
        if (queue.NextDue() is not { } due) return poll;
        var untilDue = due - clock.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : untilDue < poll ? untilDue : poll;
    }

    /// <summary>Sends every message due now over one transport; returns how many were delivered.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        await _drainGate.WaitAsync(ct);
        try
        {
            if (!_recovered)
            {
                var requeued = await queue.RequeueInterruptedAsync(clock.GetUtcNow(), ct);
                if (requeued > 0) log.LogWarning("{Count} e-mails were being sent when the app last stopped: queued again", requeued);
                _recovered = true;
            }

            var delivered = 0;
            await using var transport = transports.Open();
            while (true)
            {
                var batch = await queue.ClaimDueAsync(clock.GetUtcNow(), Math.Max(1, Mail.BatchSize), ct);
                if (batch.Count == 0) break;
                var results = new List<DeliveryResult>(batch.Count);
                string? unreachable = null;
                try
                {
                    // Compose ahead on as many threads as there are cores (reads, QR and calendar are CPU work) and send
                    // in order over the one transport meanwhile. More at once gained nothing on 2 cores and held every
                    // message of the batch in memory while registrations waited for the CPU (with the worker on, the
                    // registration rush went from 1,590 to 1,790/s).
                    var composing = new Queue<Task<Composed>>();
                    var next = 0;
                    void ComposeAhead()
                    {
                        while (composing.Count < ComposeAheadCount && next < batch.Count)
                        {
                            var m = batch[next++];
                            composing.Enqueue(Task.Run(() => Compose(m), ct));
                        }
                    }
                    ComposeAhead();
                    while (composing.TryDequeue(out var task))
                    {
                        var item = await task;
                        ComposeAhead();
                        var m = item.Message;
                        if (unreachable is not null) { results.Add(new(m.Id, m.Attempts, unreachable)); continue; }
                        results.Add(item.Result ?? await SendAsync(m, item.Mail!, transport, ct));
                        if (results[^1].Error is null) delivered++;
                        else if (results[^1].Error!.StartsWith(Unreachable)) unreachable = results[^1].Error;
                    }
                }
                finally
                {
                    // Outcomes are recorded even when stopping; messages without one stay 'sending' and are re-queued at next start.
                    try
                    {
                        await queue.RecordAsync(results, clock.GetUtcNow(), Mail.MaxAttempts, TimeSpan.FromSeconds(Mail.FirstRetrySeconds), CancellationToken.None);
                    }
                    catch (StorageUnavailableException)
                    {
                        // The disk refused the outcomes (full): the batch stays 'sending'. The next drain queues it again
                        // first, without waiting for a restart (at-least-once: a message already delivered goes again).
                        _recovered = false;
                        throw;
                    }
                }
                if (unreachable is not null)
                {
                    log.LogWarning("E-mail delivery paused, will retry: {Error}", unreachable);
                    break;
                }
            }
            return delivered;
        }
        finally
        {
            _drainGate.Release();
        }
    }

    private const string Unreachable = "unreachable: ";
    private static readonly int ComposeAheadCount = Math.Max(1, Environment.ProcessorCount);

    private sealed record Composed(OutboxMessage Message, MimeKit.MimeMessage? Mail, DeliveryResult? Result);

    private static Dictionary<string, IOutboxComposer> ByKind(IEnumerable<IOutboxComposer> composers)
    {
        var byKind = new Dictionary<string, IOutboxComposer>(StringComparer.Ordinal);
        foreach (var composer in composers)
            foreach (var kind in composer.Kinds)
                if (!byKind.TryAdd(kind, composer))
                    throw new InvalidOperationException($"Two composers claim the outbox kind '{kind}': {byKind[kind].GetType().Name} and {composer.GetType().Name}.");
        return byKind;
    }

    /// <summary>Words one message; a message that cannot be worded gets its result here instead.</summary>
    private Composed Compose(OutboxMessage m)
    {
        if (!_composers.TryGetValue(m.Kind, out var composer))
        {
            log.LogError("Outbox message {Id} has the kind '{Kind}', which no composer words: marked failed", m.Id, m.Kind);
            return new(m, null, new(m.Id, m.Attempts, $"No composer for the outbox kind '{m.Kind}'.", Permanent: true));
        }
        try
        {
            if (composer.Compose(m) is { } mail) return new(m, mail, null);
            log.LogInformation("Outbox message {Id} ({Kind}) skipped: nothing left to say", m.Id, m.Kind);
            return new(m, null, new(m.Id, m.Attempts, null));
        }
        catch (UnsendableMessageException e)
        {
            log.LogWarning("Outbox message {Id} ({Kind}) can never be sent: {Reason}", m.Id, m.Kind, e.Message);
            return new(m, null, new(m.Id, m.Attempts, e.Message, Permanent: true));
        }
        catch (Exception e)
        {
            log.LogError(e, "Outbox message {Id} could not be composed", m.Id);
            return new(m, null, new(m.Id, m.Attempts, "compose: " + e.Message));
        }
    }

    private async Task<DeliveryResult> SendAsync(OutboxMessage m, MimeKit.MimeMessage mail, IMailTransport transport, CancellationToken ct)
    {
        try
        {
            await transport.SendAsync(mail, $"{m.Id}-{m.Kind}", ct);
            return new(m.Id, m.Attempts, null);
        }
        catch (MailConnectException e)
        {
            return new(m.Id, m.Attempts, Unreachable + e.Message);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            log.LogWarning("Outbox message {Id} refused for good by the SMTP server: {Error}", m.Id, WithoutAddresses(e.Message));
            return new(m.Id, m.Attempts, $"{(int)e.StatusCode} {e.Message}", Permanent: true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning("Outbox message {Id} not delivered (attempt {Attempt}): {Error}", m.Id, m.Attempts, WithoutAddresses(e.Message));
            return new(m.Id, m.Attempts, e.Message);
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _drainGate.Dispose();
        _wake.Dispose();
    }

    /// <summary>SMTP errors often quote the recipient; the log keeps no personal data, so addresses are masked.</summary>
    internal static string WithoutAddresses(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"[^\s<>""'@]+@[^\s<>""']+", "<address>");
}
