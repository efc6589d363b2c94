using Events.Api.Mail;
using Events.Api.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Events.Api.Registration;

/// <summary>
/// Does what the privacy notice promises: accessibility needs are erased the day after the event; names, e-mail
/// addresses, organisations and the reasons given for admissions over capacity three months after it. Rows are emptied
/// rather than deleted, so the figures (seats, waiting list, check-ins) survive; the mail queued for those people goes
/// too, with the copies in the mail pickup folder. Features that hold other personal data of an edition (the speakers'
/// addresses) add an <see cref="IRetentionStep"/>. Runs at start-up and every hour. Erased means gone from the disk:
/// every connection overwrites what it deletes (<c>secure_delete</c>, <see cref="Db"/>), and the WAL is emptied after.
/// </summary>
public sealed class Retention(
    Db db, IEnumerable<IRetentionStep> steps, IMailTransportFactory mail, TimeProvider clock, ILogger<Retention> log) : BackgroundService
{
    public static readonly TimeSpan NeedsKeptAfterEvent = TimeSpan.FromDays(1);
    public const int MonthsKeptAfterEvent = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try { await ApplyAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Erasing personal data that is due failed; retrying in an hour"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Erases what is due now: how many registrations lost their accessibility needs, and how many were emptied.</summary>
    public async Task<(int Needs, int People)> ApplyAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? mailBefore = null;
        var (needs, people) = await db.WriteAsync((c, tx) =>
        {
            int needs = 0, people = 0;
            mailBefore = null;
            foreach (var (eventId, ends) in EventStore.Ends(c, tx))
            {
                if (now >= ends + NeedsKeptAfterEvent) needs += RegistrationStore.EraseNeeds(c, tx, eventId, now);
                if (now < ends.AddMonths(MonthsKeptAfterEvent)) continue;
                var horizon = ends.AddMonths(MonthsKeptAfterEvent);
                Outbox.Forget(c, tx, RegistrationStore.IdsOf(c, tx, eventId));
                Outbox.ForgetErrors(c, tx, horizon);
                OverCapacityStore.EraseReasons(c, tx, eventId);
                people += RegistrationStore.ErasePeople(c, tx, eventId, now);
                foreach (var step in steps) step.EraseAfterEvent(c, tx, eventId, now);
                if (mailBefore is null || horizon > mailBefore) mailBefore = horizon;
            }
            return (needs, people);
        }, ct);
        // Files, outside the unit of work (which may run twice): what was e-mailed about the editions now erased.
        if (mailBefore is { } before) mail.ForgetWrittenBefore(before);
        // The WAL still holds the pages as they were before the erasure (secure_delete clears the file's free space,
        // not the WAL's older frames): copy the new pages into the file and empty the WAL.
        if (needs > 0 || people > 0) await db.CheckpointAsync(ct);
        if (needs > 0 || people > 0)
            log.LogInformation("Erased the accessibility needs of {Needs} and the personal data of {People} registrations, as the privacy notice says", needs, people);
        return (needs, people);
    }
}

/// <summary>
/// Personal data a feature keeps about an edition, erased with the attendees' three months after the event, in the
/// same unit of work (so it may run twice: it only writes its own tables).
/// </summary>
public interface IRetentionStep
{
    void EraseAfterEvent(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long eventId, DateTimeOffset now);
}
