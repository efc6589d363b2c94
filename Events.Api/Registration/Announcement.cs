using System.Text.Json;
using Dapper;
using Events.Api.Mail;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>
/// Organisers write to attendees: one outbox row per recipient (<see cref="MailKind.Announcement"/>, this record as
/// its JSON payload), all in one transaction.
/// </summary>
public sealed record Announcement(string Subject, string Body)
{
    public const int SubjectMax = 150;
    public const int BodyMax = 5000;

    public static Announcement? Parse(string? payload)
    {
        try
        {
            return payload is null ? null : JsonSerializer.Deserialize<Announcement>(payload, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Field errors as message keys; empty when the message can be sent.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "subject", Subject, SubjectMax, required: true, newLines: false);
        TextRules.Check(errors, "body", Body, BodyMax, required: true, newLines: true);
        return errors;
    }

    /// <summary>What the outbox row carries: the message as typed, trimmed.</summary>
    public string Payload() => JsonSerializer.Serialize(this with { Subject = Subject.Trim(), Body = Body.Trim() }, JsonSerializerOptions.Web);
}

/// <summary>Sends organisers' messages: one outbox row per recipient, all in one transaction.</summary>
public sealed class Announcements(Db db, TimeProvider clock)
{
    /// <summary>Queues the message for the confirmed attendees, and the waiting list too when asked; returns how many.</summary>
    public Task<int> QueueAsync(Announcement message, bool includeWaitlist, CancellationToken ct = default)
    {
        var payload = message.Payload();
        var now = clock.GetUtcNow();
        return db.WriteAsync((c, tx) =>
            Outbox.EnqueueEach(c, tx, MailKind.Announcement, RegistrationStore.AnnouncementRecipients(c, tx, includeWaitlist), now, payload), ct);
    }
}
