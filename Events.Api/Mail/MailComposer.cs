using Events.Api.Configuration;
using MimeKit;
using MimeKit.Utils;

namespace Events.Api.Mail;

/// <summary>
/// The one way to build a message, for every feature's <see cref="IOutboxComposer"/>: a <see cref="MailBody"/> for the
/// words, then <see cref="Message"/> for the header block. User-supplied text reaches headers only through MimeKit's
/// encoders, stripped of control characters (<see cref="HeaderSafe"/>), and is HTML-encoded by <see cref="MailBody"/>.
/// </summary>
public sealed class MailComposer(EventsOptions options, TimeProvider? clock = null)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.Smtp.From);
    private readonly string _host = Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var u) ? u.Host : "localhost";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>An empty body in <paramref name="lang"/>; <paramref name="title"/> is the HTML page's title.</summary>
    public MailBody Body(string lang, string title) => new(lang, title, _host);

    /// <summary>
    /// The message with its header block: From (<c>Events:Smtp:From</c>), To, Subject, Message-Id, Date,
    /// <c>Auto-Submitted</c> (so out-of-office replies stay quiet) and, when given, <c>Content-Language</c>.
    /// </summary>
    public MimeMessage Message(MailBody body, string toName, string toAddress, string subject, string? language)
    {
        var mail = new MimeMessage
        {
            Subject = HeaderSafe(subject),
            MessageId = MimeUtils.GenerateMessageId(_host),
            Date = _clock.GetUtcNow(),
            Body = body.ToMimeEntity(),
        };
        // A copy each time: an address list subscribes to its addresses' Changed event, so one shared address would
        // keep every message ever composed alive (a leak of ~60 KB per e-mail, and a delegate list growing with each).
        mail.From.Add(_from.Clone());
        mail.To.Add(new MailboxAddress(HeaderSafe(toName), toAddress.Trim()));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        if (language is not null) mail.Headers.Add(HeaderId.ContentLanguage, language);
        return mail;
    }

    /// <summary>Display names and subjects: the characters every text field refuses (line breaks, bidi overrides…) become spaces.</summary>
    public static string HeaderSafe(string value) => Security.TextRules.OneLine(value);
}
