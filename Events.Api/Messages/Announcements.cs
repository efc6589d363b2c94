using System.Text.Json;
using Events.Api.Mail;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.Messages;

/// <summary>
/// Sends organisers' messages: the message is stored once in <c>messages</c>, with one outbox row per recipient
/// pointing back to it (its batch), all in one transaction; a test goes to the organiser alone first.
/// </summary>
public sealed class Announcements(Db db, Editions editions, OrganiserAccounts organisers, TimeProvider clock)
{
    /// <summary>The outbox kind of a message to an attendee: the row names the registration and, as its batch, the message.</summary>
    public const string MailKindAnnouncement = "announcement";
    /// <summary>The outbox kind of a test sent to the organiser writing the message; its payload is a <see cref="TestMessage"/>.</summary>
    public const string MailKindTest = "announcement-test";

    /// <summary>How many people the message would reach now.</summary>
    public long CountRecipients(string audience)
    {
        using var c = db.OpenRead();
        return MessageStore.CountRecipients(c, editions.Current().Id, Audience.OrDefault(audience));
    }

    /// <summary>An identical message to the same audience within this long is the same send (a double click, a second tab).</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Queues the message for the audience, and records it in the activity log in the same unit of work; returns the
    /// message's id and how many it went to. The same message sent again within <see cref="RepeatWindow"/> is not
    /// queued twice: the first send's figures come back.
    /// </summary>
    public Task<(long Id, int Recipients)> QueueAsync(Announcement message, string audience, long organiserId, CancellationToken ct = default)
    {
        var (eventId, now, trimmed) = (editions.Current().Id, clock.GetUtcNow(), message.Trimmed());
        audience = Audience.OrDefault(audience);
        return db.WriteAsync((c, tx) =>
        {
            if (MessageStore.SameSince(c, tx, eventId, audience, trimmed, now - RepeatWindow) is { } already) return already;
            var id = MessageStore.Insert(c, tx, eventId, organiserId, audience, trimmed, now);
            var recipients = Outbox.EnqueueEach(c, tx, MailKindAnnouncement, MessageStore.RecipientIds(c, tx, eventId, audience), now, batch: id);
            MessageStore.SetRecipients(c, tx, id, recipients);
            ActivityLog.Record(c, tx, organiserId, ActivityActions.MessageSent, null, $"message={id}, audience={audience}, recipients={recipients}", now);
            return (id, recipients);
        }, ct);
    }

    /// <summary>Queues the message to the organiser's own address, greeting them by name; returns that address.</summary>
    public async Task<string> SendTestAsync(Announcement message, long organiserId, string language, CancellationToken ct = default)
    {
        var organiser = organisers.ById(organiserId) ?? throw new InvalidOperationException($"No organiser {organiserId}.");
        var trimmed = message.Trimmed();
        var payload = JsonSerializer.Serialize(new TestMessage(trimmed.Subject, trimmed.Body, organiser.Email, organiser.Name, language), JsonSerializerOptions.Web);
        var now = clock.GetUtcNow();
        await db.WriteAsync((c, tx) => Outbox.Enqueue(c, tx, MailKindTest, null, now, payload), ct);
        return organiser.Email;
    }

    /// <summary>The current event's messages, latest first, with where their e-mails stand.</summary>
    public (IReadOnlyList<(SentMessage Message, BatchCounts Counts)> Page, long Total) History(int page, int pageSize = 50)
    {
        using var c = db.OpenRead();
        var (messages, total) = MessageStore.History(c, editions.Current().Id, pageSize, (Math.Max(1, page) - 1) * pageSize);
        var counts = Outbox.CountBatches(c, messages.Select(m => m.Id).ToList()).ToDictionary(b => b.Batch);
        return (messages.Select(m => (m, counts.GetValueOrDefault(m.Id) ?? new BatchCounts(m.Id, 0, 0, 0))).ToList(), total);
    }

    /// <summary>One message of the current event as the history shows it, with its words; null when unknown.</summary>
    public (SentMessage Message, Announcement Words, BatchCounts Counts)? Find(long id)
    {
        using var c = db.OpenRead();
        if (MessageStore.Find(c, editions.Current().Id, id) is not { } message || MessageStore.ById(c, id) is not { } words) return null;
        var counts = Outbox.CountBatches(c, [id]).SingleOrDefault() ?? new BatchCounts(id, 0, 0, 0);
        return (message, words, counts);
    }

    /// <summary>A message's words, for the outbox rows that point to it.</summary>
    internal Announcement? ById(long id)
    {
        using var c = db.OpenRead();
        return MessageStore.ById(c, id);
    }
}

/// <summary>A test of a message, to the organiser writing it.</summary>
public sealed record TestMessage(string Subject, string Body, string To, string Name, string Language);
