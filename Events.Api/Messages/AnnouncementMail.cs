using System.Text.Json;
using Events.Api.Configuration;
using Events.Api.Localisation;
using Events.Api.Mail;
using Events.Api.Registration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Events.Api.Messages;

/// <summary>
/// Words organisers' messages: each attendee's copy greets them by first name, keeps the organisers' paragraphs and
/// ends with the attendee's own management link; the organiser's test greets them and says it is a test.
/// </summary>
public sealed class AnnouncementMail(Announcements announcements, RegistrationService registrations, Editions editions, MailComposer composer,
    IOptions<EventsOptions> options) : IOutboxComposer
{
    public IReadOnlyCollection<string> Kinds { get; } = [Announcements.MailKindAnnouncement, Announcements.MailKindTest];

    public MimeMessage? Compose(OutboxMessage message)
    {
        if (message.Kind == Announcements.MailKindTest) return ComposeTest(message);
        if (message.RegistrationId is not { } id || registrations.ById(id) is not { Registration: var r, Codes: var codes })
            throw new UnsendableMessageException("No registration for this message.");
        if (r.Status == RegistrationStatus.Cancelled) return null;
        if (codes is null) throw new UnsendableMessageException("The registration's codes cannot be opened (its Data Protection keys are missing).");
        var words = (message.Batch is { } batch ? announcements.ById(batch) : Announcement.Parse(message.Payload))
                    ?? throw new UnsendableMessageException("The message is gone.");
        var t = Texts.For(r.Language);
        var body = Greeting(t, editions.ById(r.EventId).Title, r.FirstName, words)
            .Link(t["mail_manage_link"], options.Value.Link($"/manage/{codes.Manage}"));
        // No Content-Language: the organisers may write in any language.
        return composer.Message(body, r.FullName, r.Email, words.Subject, language: null);
    }

    private MimeMessage ComposeTest(OutboxMessage message)
    {
        var test = message.Payload is { } json ? JsonSerializer.Deserialize<TestMessage>(json, JsonSerializerOptions.Web) : null;
        if (test is null) throw new UnsendableMessageException("The test has no message.");
        var t = Texts.For(test.Language);
        var body = Greeting(t, editions.Current().Title, test.Name.Length > 0 ? test.Name : t["message_preview_name"], new Announcement(test.Subject, test.Body))
            .Paragraph(t["message_test_note"]);
        return composer.Message(body, test.Name, test.To, t.Format("message_test_subject", test.Subject), language: null);
    }

    private MailBody Greeting(Texts t, string eventTitle, string name, Announcement words)
    {
        var body = composer.Body(t.Lang, eventTitle).Paragraph(t.Format("mail_hello", name));
        foreach (var paragraph in words.Paragraphs()) body.Paragraph(paragraph);
        return body;
    }
}
