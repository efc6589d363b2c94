using System.Text.Json;

namespace Events.Api.Mail;

/// <summary>
/// Messages that carry a single-use link instead of a ticket: organiser invitations and speakers' invitations and
/// sign-in links. Their outbox row has no registration, only this JSON payload.
/// </summary>
public sealed record LinkMail(string Email, string? Name, string Link, string? Language, DateTimeOffset? ExpiresAt, string? EventTitle)
{
    /// <summary>Subject and body text keys of each kind; the body has {0} name, {1} link, {2} event title, {3} expiry.</summary>
    public static readonly Dictionary<string, (string Subject, string Body)> Kinds = new()
    {
        ["organiser_invitation"] = ("mail_organiser_invitation_subject", "mail_organiser_invitation_body"),
        ["speaker_invitation"] = ("agenda_mail_invitation_subject", "agenda_mail_invitation_body"),
        ["speaker_signin"] = ("agenda_mail_signin_subject", "agenda_mail_signin_body"),
    };

    public static LinkMail? Parse(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        try
        {
            return JsonSerializer.Deserialize<LinkMail>(payload, JsonSerializerOptions.Web) is { Email.Length: > 0, Link.Length: > 0 } mail ? mail : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
