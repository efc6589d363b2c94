using Events.Api.Mail;
using Events.Api.Registration;
using MimeKit;

namespace Events.Api.Agenda;

/// <summary>
/// Words the speakers' invitation and sign-in e-mails (<see cref="SpeakerMailKind"/>) from their
/// <see cref="SpeakerMailPayload"/>; the expiry is written in the event's time zone.
/// </summary>
public sealed class SpeakerMail(MailComposer composer, OutboxSecrets secrets, Editions events) : IOutboxComposer
{
    public IReadOnlyCollection<string> Kinds { get; } = [SpeakerMailKind.Invitation, SpeakerMailKind.SignIn];

    public MimeMessage Compose(OutboxMessage message)
    {
        if (LinkMail.Parse(secrets.Open(message.Payload)) is not { } payload) throw new UnsendableMessageException("The message has no address or link.");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(events.Current().TimeZone);
        return message.Kind == SpeakerMailKind.Invitation
            ? payload.Compose(composer, "agenda_mail_invitation_subject", "agenda_mail_invitation_body", zone)
            : payload.Compose(composer, "agenda_mail_signin_subject", "agenda_mail_signin_body", zone);
    }
}
