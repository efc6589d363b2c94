using System.Globalization;
using Events.Api.Configuration;
using Events.Api.Localisation;
using Events.Api.Mail;
using Events.Api.Registration;
using Events.Api.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Events.Api.Tickets;

/// <summary>
/// What a registration's message is about, read from the database when it is sent (so it shows the current ticket
/// code, opened from the registration's sealed copy).
/// </summary>
public sealed record TicketMailContext(OutboxMessage Message, Registration.Registration Registration, RegistrationCodes Codes, EventInfo Event, long? WaitlistPosition);

/// <summary>
/// Words the messages a registration's holder receives (<see cref="MailKind"/>) in the registration's language: the
/// event, the QR as an inline PNG, the code as text in groups of four, the links, and a <c>.ics</c> file.
/// </summary>
public sealed class TicketMail(RegistrationService registrations, Editions editions, MailComposer composer, IOptions<EventsOptions> options) : IOutboxComposer
{
    public IReadOnlyCollection<string> Kinds => MailKind.All;

    public MimeMessage? Compose(OutboxMessage message)
    {
        if (message.RegistrationId is not { } id || registrations.ById(id) is not { Registration: var r, WaitlistPosition: var position, Codes: var codes })
            throw new UnsendableMessageException("No registration for this message.");
        if (codes is null) throw new UnsendableMessageException("The registration's codes cannot be opened (its Data Protection keys are missing).");
        return Compose(new TicketMailContext(message, r, codes, editions.ById(r.EventId), position));
    }

    /// <summary>The message, or null when there is nothing left to say (a ticket for a registration no longer confirmed).</summary>
    public MimeMessage? Compose(TicketMailContext m)
    {
        var (message, r, codes, ev) = (m.Message, m.Registration, m.Codes, m.Event);
        var t = Texts.For(r.Language);
        var ticketKind = message.Kind is MailKind.Confirmed or MailKind.Promoted or MailKind.Resend or MailKind.Replaced or MailKind.Reminder
            or MailKind.Admitted or MailKind.Reinstated;
        if (ticketKind && r.Status != RegistrationStatus.Confirmed) return null;

        var (subjectKey, intro) = message.Kind switch
        {
            MailKind.Confirmed => ("mail_subject_ticket", t["mail_intro_ticket"]),
            MailKind.Promoted => ("mail_subject_promoted", t["mail_intro_promoted"]),
            MailKind.Admitted => ("mail_subject_ticket", t["mail_intro_admitted"]),
            MailKind.Reinstated => ("mail_subject_reinstated", t["mail_intro_reinstated"]),
            MailKind.Resend => ("mail_subject_ticket", t["mail_intro_resend"]),
            MailKind.Replaced => ("mail_subject_replaced", t["mail_intro_replaced"]),
            MailKind.Waitlisted => ("mail_subject_waitlisted", m.WaitlistPosition is { } p ? t.Format("mail_intro_waitlisted", p) : t["mail_intro_waitlisted_nopos"]),
            MailKind.Cancelled => ("mail_subject_cancelled", t["mail_intro_cancelled"]),
            MailKind.Duplicate => ("mail_subject_links", t["mail_intro_links"]),
            MailKind.Reminder => ("mail_subject_reminder", t["mail_intro_reminder"]),
            _ => throw new InvalidOperationException($"Unknown outbox kind '{message.Kind}'."),
        };

        var o = options.Value;
        var ticketUrl = o.Link($"/ticket/{codes.Ticket}");
        var showTicket = ticketKind || (message.Kind == MailKind.Duplicate && r.Status == RegistrationStatus.Confirmed);
        var colon = t.Lang == Lang.Fr ? "\u00A0:" : ":"; // French puts a (non-breaking) space before a colon

        var body = composer.Body(t.Lang, ev.Title)
            .Paragraph(t.Format("mail_hello", r.FirstName))
            .Paragraph(intro)
            .Heading(ev.Title)
            .Fact(t["mail_when"] + colon, When(ev, t))
            .Fact(t["mail_where"] + colon, $"{ev.Venue}, {ev.Address}")
            .Fact(t["ticket_holder"] + colon, r.FullName);
        if (message.Kind == MailKind.Reminder && (t.Lang == Lang.En ? ev.HowToComeEn : ev.HowToComeFr) is { Length: > 0 } howToCome)
            body.Fact(t["mail_how_to_come"] + colon, howToCome);
        if (showTicket)
        {
            if (ticketKind) body.Image("ticket-qr.png", TicketQr.Png(codes.Ticket), 198, t["mail_qr_alt"]);
            body.Code(t["mail_code_label"] + colon, SecretCode.Grouped(codes.Ticket));
            if (ticketKind) body.Paragraph(t["mail_show_at_door"]);
            body.Link(t["mail_ticket_link"], ticketUrl);
        }
        if (message.Kind != MailKind.Cancelled) body.Link(t["mail_manage_link"], o.Link($"/manage/{codes.Manage}"));
        if (ticketKind) body.Link(t["mail_agenda_link"], o.Link("/agenda"));
        if (ticketKind || message.Kind == MailKind.Cancelled)
        {
            var cancelled = message.Kind == MailKind.Cancelled;
            body.Calendar(t["mail_calendar_file"], TicketCalendar.Build(ev, codes.Manage, ticketUrl, message.Id, cancelled), cancelled ? "CANCEL" : "PUBLISH");
            if (ticketKind) body.Paragraph(t["mail_calendar_note"]);
        }
        body.Footer(t["mail_footer"]);
        return composer.Message(body, r.FullName, r.Email, t.Format(subjectKey, ev.Title), t.Lang);
    }

    private static string When(EventInfo ev, Texts t)
    {
        var (start, end) = (ev.Local(ev.StartsAt), ev.Local(ev.EndsAt));
        return t.Format("mail_time_range", t.Date(start, "dddd d MMMM yyyy"), t.Date(start, "HH:mm"), t.Date(end, "HH:mm"));
    }
}
