using Events.Api.Mail;
using Events.Api.Registration;
using MimeKit;

namespace Events.Api.Organisers;

/// <summary>
/// Words the invitation e-mail (<see cref="OrganiserInvitations.MailKindInvitation"/>): its payload is a
/// <see cref="LinkMail"/>; the expiry is written in the event's time zone.
/// </summary>
public sealed class OrganiserInvitationMail(MailComposer composer, OutboxSecrets secrets, Editions events) : IOutboxComposer
{
    public IReadOnlyCollection<string> Kinds { get; } = [OrganiserInvitations.MailKindInvitation];

    public MimeMessage Compose(OutboxMessage message) =>
        LinkMail.Parse(secrets.Open(message.Payload)) is { } payload
            ? payload.Compose(composer, "mail_organiser_invitation_subject", "mail_organiser_invitation_body",
                TimeZoneInfo.FindSystemTimeZoneById(events.Current().TimeZone))
            : throw new UnsendableMessageException("The invitation has no address or link.");
}
