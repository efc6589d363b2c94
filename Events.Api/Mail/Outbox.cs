using System.Data;

namespace Events.Api.Mail;

/// <summary>
/// Writes outbox rows inside the caller's transaction, so a state change and the e-mail it owes someone are committed
/// together or not at all; and answers the questions other features ask about them. The kinds and the payloads belong
/// to the features that write them (each supplies an <see cref="IOutboxComposer"/>).
/// </summary>
public static class Outbox
{
    /// <summary>
    /// Raised when a row is written, so the mail worker wakes at once instead of at its next poll. It is raised inside
    /// the writer's transaction; the worker's own write waits for that transaction, so it sees the row once committed.
    /// </summary>
    public static event Action? Enqueued;

    public static void Enqueue(IDbConnection c, IDbTransaction tx, string kind, long? registrationId, DateTimeOffset now, string? payload = null)
    {
        OutboxStore.Insert(c, tx, kind, registrationId, now, payload);
        Enqueued?.Invoke();
    }

    /// <summary>
    /// The same message for each of <paramref name="registrationIds"/>, in one statement; returns how many rows. A
    /// <paramref name="batch"/> number lets the caller find them again (<see cref="CountBatches"/>) and word them from
    /// one copy of its own rather than a payload per row.
    /// </summary>
    public static int EnqueueEach(IDbConnection c, IDbTransaction tx, string kind, IReadOnlyCollection<long> registrationIds, DateTimeOffset now,
        string? payload = null, long? batch = null)
    {
        if (registrationIds.Count == 0) return 0;
        var queued = OutboxStore.InsertEach(c, tx, kind, registrationIds, now, payload, batch);
        Enqueued?.Invoke();
        return queued;
    }

    /// <summary>When the latest message of one of <paramref name="kinds"/> was queued for a registration (to pace requests).</summary>
    public static DateTimeOffset? LastCreatedAt(IDbConnection c, IDbTransaction? tx, long registrationId, IReadOnlyCollection<string> kinds) =>
        OutboxStore.LastCreatedAt(c, tx, registrationId, kinds);

    /// <summary>Where the rows of each batch stand (queued or being sent, sent, failed); batches with no row are left out.</summary>
    public static IReadOnlyList<BatchCounts> CountBatches(IDbConnection c, IReadOnlyCollection<long> batches) => OutboxStore.CountBatches(c, batches);

    /// <summary>Retention: the messages queued for these registrations go with their personal data.</summary>
    public static int Forget(IDbConnection c, IDbTransaction tx, IReadOnlyCollection<long> registrationIds) =>
        OutboxStore.DeleteFor(c, tx, registrationIds);

    /// <summary>
    /// Retention: the reasons recorded for failed deliveries of messages queued before <paramref name="before"/>. An
    /// SMTP server's refusal names the address (<c>550 5.1.1 &lt;ada@example.org&gt;: Recipient address rejected</c>),
    /// and the messages not tied to a registration (speakers' links, invitations) stay after their people's data go.
    /// </summary>
    public static int ForgetErrors(IDbConnection c, IDbTransaction tx, DateTimeOffset before) => OutboxStore.ClearErrorsBefore(c, tx, before);

    /// <summary>Wakes the worker when rows became due without being written (messages queued again).</summary>
    public static void Wake() => Enqueued?.Invoke();
}
