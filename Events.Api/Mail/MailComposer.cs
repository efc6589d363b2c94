using System.Globalization;
using System.Net;
using System.Text;
using Events.Api.Configuration;
using Events.Api.Localisation;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Tickets;
using MimeKit;
using MimeKit.Utils;

namespace Events.Api.Mail;

/// <summary>What a message is about, read from the database when it is sent (so it shows the current ticket code).</summary>
public sealed record MailContext(OutboxMessage Message, Registration.Registration Registration, EventInfo Event, long? WaitlistPosition);

/// <summary>
/// Words each outbox kind as an e-mail in the registration's language: HTML and plain-text alternatives, the QR as
/// an inline PNG (<c>Content-ID</c>), the code as text in groups of four, the links, and a <c>.ics</c> file.
/// User-supplied text reaches headers only through MimeKit's encoders, stripped of control characters, and is
/// HTML-encoded in the HTML part.
/// </summary>
public sealed class MailComposer(EventsOptions options)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Smtp.From);

    /// <summary>The message, or null when there is nothing left to say (a ticket for a registration no longer confirmed).</summary>
    public MimeMessage? Compose(MailContext m)
    {
        var (message, r, ev) = (m.Message, m.Registration, m.Event);
        var t = Texts.For(r.Language);
        if (message.Kind == MailKind.Announcement) return ComposeAnnouncement(m, t);
        var ticketKind = message.Kind is MailKind.Confirmed or MailKind.Promoted or MailKind.Resend or MailKind.Replaced;
        if (ticketKind && r.Status != RegistrationStatus.Confirmed) return null;

        var (subjectKey, intro) = message.Kind switch
        {
            MailKind.Confirmed => ("mail_subject_ticket", t["mail_intro_ticket"]),
            MailKind.Promoted => ("mail_subject_promoted", t["mail_intro_promoted"]),
            MailKind.Resend => ("mail_subject_ticket", t["mail_intro_resend"]),
            MailKind.Replaced => ("mail_subject_replaced", t["mail_intro_replaced"]),
            MailKind.Waitlisted => ("mail_subject_waitlisted", m.WaitlistPosition is { } p ? t.Format("mail_intro_waitlisted", p) : t["mail_intro_waitlisted_nopos"]),
            MailKind.Cancelled => ("mail_subject_cancelled", t["mail_intro_cancelled"]),
            MailKind.Duplicate => ("mail_subject_links", t["mail_intro_links"]),
            _ => throw new InvalidOperationException($"Unknown outbox kind '{message.Kind}'."),
        };

        var manageUrl = options.Link($"/manage/{r.ManageCode}");
        var ticketUrl = options.Link($"/ticket/{r.TicketCode}");
        var showTicket = ticketKind || (message.Kind == MailKind.Duplicate && r.Status == RegistrationStatus.Confirmed);
        var showManage = message.Kind != MailKind.Cancelled;

        var html = new StringBuilder(4096);
        var text = new StringBuilder(2048);
        var body = new BodyBuilder();

        Para(html, text, t.Format("mail_hello", r.FirstName));
        Para(html, text, intro);
        html.Append("<h1 style=\"font-size:22px\">").Append(E(ev.Title)).Append("</h1>");
        text.Append(ev.Title).Append("\n\n");
        var colon = t.Lang == Lang.Fr ? "\u00A0:" : ":"; // French puts a (non-breaking) space before a colon
        Fact(html, text, t["mail_when"] + colon, When(ev, t));
        Fact(html, text, t["mail_where"] + colon, $"{ev.Venue}, {ev.Address}");
        Fact(html, text, t["ticket_holder"] + colon, r.FullName);

        if (showTicket)
        {
            var grouped = SecretCode.Grouped(r.TicketCode);
            if (ticketKind)
            {
                var png = body.LinkedResources.Add("ticket-qr.png", TicketQr.Png(r.TicketCode), new ContentType("image", "png"));
                png.ContentId = MimeUtils.GenerateMessageId(Host);
                html.Append("<p><img src=\"cid:").Append(png.ContentId).Append("\" width=\"198\" height=\"198\" alt=\"")
                    .Append(E(t["mail_qr_alt"])).Append("\" style=\"display:block;width:198px;height:198px\"></p>");
            }
            html.Append("<p>").Append(E(t["mail_code_label"] + colon)).Append("<br><strong style=\"font-family:Consolas,Menlo,monospace;font-size:20px;letter-spacing:1px\">")
                .Append(E(grouped)).Append("</strong></p>");
            text.Append(t["mail_code_label"]).Append(colon).Append(' ').Append(grouped).Append("\n\n");
            if (ticketKind) Para(html, text, t["mail_show_at_door"]);
            Link(html, text, t["mail_ticket_link"], ticketUrl);
        }
        if (showManage) Link(html, text, t["mail_manage_link"], manageUrl);
        if (ticketKind) Link(html, text, t["mail_agenda_link"], options.Link("/agenda"));

        if (ticketKind || message.Kind == MailKind.Cancelled)
        {
            var ics = TicketCalendar.Build(ev, r, ticketUrl, message.Id, cancelled: message.Kind == MailKind.Cancelled);
            var part = (MimePart)body.Attachments.Add(t["mail_calendar_file"], Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar"));
            part.ContentType.Charset = "utf-8";
            part.ContentType.Parameters.Add("method", message.Kind == MailKind.Cancelled ? "CANCEL" : "PUBLISH");
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
            if (ticketKind) Para(html, text, t["mail_calendar_note"]);
        }
        html.Append("<p style=\"color:#555;font-size:13px\">").Append(E(t["mail_footer"])).Append("</p>");
        text.Append("-- \n").Append(t["mail_footer"]).Append('\n');

        body.HtmlBody = HtmlPage(t.Lang, ev.Title, html);
        body.TextBody = text.ToString();

        var mail = new MimeMessage
        {
            Subject = HeaderSafe(t.Format(subjectKey, ev.Title)),
            MessageId = MimeUtils.GenerateMessageId(Host),
            Date = DateTimeOffset.UtcNow,
            Body = body.ToMessageBody(),
        };
        mail.From.Add(_from);
        mail.To.Add(new MailboxAddress(HeaderSafe(r.FullName), r.Email.Trim()));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add(HeaderId.ContentLanguage, t.Lang);
        return mail;
    }

    /// <summary>The organisers' own words, HTML-encoded, with the attendee's management link under them.</summary>
    private MimeMessage? ComposeAnnouncement(MailContext m, Texts t)
    {
        if (Announcement.Parse(m.Message.Payload) is not { } a || m.Registration.Status == RegistrationStatus.Cancelled) return null;
        var html = new StringBuilder(2048);
        var text = new StringBuilder(1024);
        Para(html, text, t.Format("mail_hello", m.Registration.FirstName));
        foreach (var paragraph in a.Body.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(E(paragraph).Replace("\n", "<br>")).Append("</p>");
            text.Append(paragraph).Append("\n\n");
        }
        Link(html, text, t["mail_manage_link"], options.Link($"/manage/{m.Registration.ManageCode}"));
        var mail = new MimeMessage
        {
            Subject = HeaderSafe(a.Subject),
            MessageId = MimeUtils.GenerateMessageId(Host),
            Date = DateTimeOffset.UtcNow,
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = HtmlPage(t.Lang, m.Event.Title, html) }.ToMessageBody(),
        };
        mail.From.Add(_from);
        mail.To.Add(new MailboxAddress(HeaderSafe(m.Registration.FullName), m.Registration.Email.Trim()));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        return mail;
    }

    /// <summary>An invitation or sign-in link: plain words, the link, its expiry. The event title comes from the payload.</summary>
    public MimeMessage ComposeLink(OutboxMessage message, LinkMail m)
    {
        if (!LinkMail.Kinds.TryGetValue(message.Kind, out var keys)) throw new InvalidOperationException($"Unknown outbox kind '{message.Kind}'.");
        var t = Texts.For(m.Language);
        var culture = CultureInfo.GetCultureInfo(t.Lang == Lang.En ? "en-GB" : "fr-FR");
        var expires = m.ExpiresAt is { } at ? TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("d MMMM yyyy, HH:mm", culture) : "";
        var title = m.EventTitle ?? "";
        var name = m.Name ?? "";
        var text = t.Format(keys.Body, name, m.Link, title, expires);
        var html = new StringBuilder(2048);
        foreach (var paragraph in text.Split("\n\n"))
            html.Append("<p>").Append(paragraph == m.Link ? $"<a href=\"{E(m.Link)}\">{E(m.Link)}</a>" : E(paragraph).Replace("\n", "<br>")).Append("</p>");
        var body = new BodyBuilder
        {
            TextBody = text + "\n",
            HtmlBody = HtmlPage(t.Lang, title, html),
        };
        var mail = new MimeMessage
        {
            Subject = HeaderSafe(t.Format(keys.Subject, name, m.Link, title, expires)),
            MessageId = MimeUtils.GenerateMessageId(Host),
            Date = DateTimeOffset.UtcNow,
            Body = body.ToMessageBody(),
        };
        mail.From.Add(_from);
        mail.To.Add(new MailboxAddress(HeaderSafe(name), m.Email.Trim()));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add(HeaderId.ContentLanguage, t.Lang);
        return mail;
    }

    private string Host => Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var u) ? u.Host : "localhost";

    /// <summary>Display names and subjects: control characters (CR, LF, tab, bidi overrides…) become spaces.</summary>
    public static string HeaderSafe(string value)
    {
        var chars = value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' || (c >= '\u202A' && c <= '\u202E') ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string When(EventInfo ev, Texts t)
    {
        var culture = CultureInfo.GetCultureInfo(t.Lang == Lang.En ? "en-GB" : "fr-FR");
        var (start, end) = (ev.Local(ev.StartsAt), ev.Local(ev.EndsAt));
        var day = start.ToString("dddd d MMMM yyyy", culture);
        return t.Format("mail_time_range", day, start.ToString("HH:mm", culture), end.ToString("HH:mm", culture));
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string HtmlPage(string lang, string title, StringBuilder html) =>
        $"<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head>" +
        $"<body style=\"font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em\">{html}</body></html>";

    private static void Para(StringBuilder html, StringBuilder text, string s)
    {
        html.Append("<p>").Append(E(s)).Append("</p>");
        text.Append(s).Append("\n\n");
    }

    private static void Fact(StringBuilder html, StringBuilder text, string label, string value)
    {
        html.Append("<p><strong>").Append(E(label)).Append("</strong> ").Append(E(value)).Append("</p>");
        text.Append(label).Append(' ').Append(value).Append('\n');
    }

    private static void Link(StringBuilder html, StringBuilder text, string label, string url)
    {
        html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(label)).Append("</a><br><span style=\"font-size:13px;word-break:break-all\">")
            .Append(E(url)).Append("</span></p>");
        text.Append('\n').Append(label).Append(":\n").Append(url).Append("\n\n");
    }
}
