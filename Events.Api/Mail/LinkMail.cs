using System.Globalization;
using System.Text.Json;
using Events.Api.Localisation;
using MimeKit;

namespace Events.Api.Mail;

/// <summary>
/// The payload of a message that carries a single-use link instead of a ticket (an invitation, a sign-in link): its
/// outbox row has no registration, only this camelCase JSON. The features that send such links own their kinds and
/// texts; this is just the common shape and wording.
/// </summary>
public sealed record LinkMail(string Email, string? Name, string Link, string? Language, DateTimeOffset? ExpiresAt, string? EventTitle)
{
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

    /// <summary>
    /// The message in the payload's language. Both text keys are formatted with {0} name, {1} link, {2} event title and
    /// {3} the expiry, written in <paramref name="zone"/> (the event's time zone); the body's paragraphs are separated
    /// by blank lines, and the paragraph that is the link becomes a link.
    /// </summary>
    public MimeMessage Compose(MailComposer composer, string subjectKey, string bodyKey, TimeZoneInfo zone)
    {
        var t = Texts.For(Language);
        var expires = ExpiresAt is { } at ? t.Date(TimeZoneInfo.ConvertTime(at, zone), "d MMMM yyyy, HH:mm") : "";
        var (name, title) = (Name ?? "", EventTitle ?? "");
        var body = composer.Body(t.Lang, title);
        foreach (var paragraph in t.Format(bodyKey, name, Link, title, expires).Split("\n\n"))
            if (paragraph == Link) body.BareLink(Link);
            else body.Paragraph(paragraph);
        return composer.Message(body, name, Email, t.Format(subjectKey, name, Link, title, expires), t.Lang);
    }
}
