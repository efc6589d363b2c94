using Events.Api.Configuration;
using Events.Api.Mail;
using Events.Api.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Events.Api.Registration;

/// <summary>
/// <c>Events:Reminders:HoursBefore</c> (default 48; 0 turns them off) before the start, every confirmed attendee is
/// e-mailed a reminder with their ticket, the address, how to come and their management link: once per registration,
/// through the outbox, whatever restarts (<c>reminded_at</c>). Registrations made after that point get none: their
/// ticket is fresh. Looks every five minutes.
/// </summary>
public sealed class Reminders(Db db, Editions editions, IOptions<EventsOptions> options, TimeProvider clock, ILogger<Reminders> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Reminders.HoursBefore <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            try { await QueueDueAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Queueing reminders failed; trying again in five minutes"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Queues the reminders due now; returns how many.</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct = default)
    {
        var hours = options.Value.Reminders.HoursBefore;
        if (hours <= 0) return 0;
        var ev = editions.Current();
        var due = ev.StartsAt - TimeSpan.FromHours(hours);
        var now = clock.GetUtcNow();
        if (now < due || now >= ev.StartsAt) return 0;
        var queued = await db.WriteAsync((c, tx) =>
            Outbox.EnqueueEach(c, tx, MailKind.Reminder, RegistrationStore.TakeReminderRecipients(c, tx, ev.Id, due, now), now), ct);
        if (queued > 0) log.LogInformation("Queued {Count} reminders for the event", queued);
        return queued;
    }
}
