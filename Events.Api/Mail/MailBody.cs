using System.Net;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Events.Api.Mail;

/// <summary>
/// The one layout of every e-mail: each block is written to the HTML part and to the plain-text part together, so the
/// two alternatives say the same thing, and every piece of text is HTML-encoded here (a composer never writes markup).
/// Inline images and attachments ride along. Get one from <see cref="MailComposer.Body"/>.
/// </summary>
public sealed class MailBody
{
    private readonly StringBuilder _html = new(4096);
    private readonly StringBuilder _text = new(2048);
    private readonly BodyBuilder _parts = new();
    private readonly string _lang;
    private readonly string _title;
    private readonly string _host;

    internal MailBody(string lang, string title, string host) => (_lang, _title, _host) = (lang, title, host);

    /// <summary>A paragraph; a single line break inside it stays a line break.</summary>
    public MailBody Paragraph(string text)
    {
        _html.Append("<p>").Append(E(text).Replace("\n", "<br>")).Append("</p>");
        _text.Append(text).Append("\n\n");
        return this;
    }

    public MailBody Heading(string text)
    {
        _html.Append("<h1 style=\"font-size:22px\">").Append(E(text)).Append("</h1>");
        _text.Append(text).Append("\n\n");
        return this;
    }

    /// <summary>A label and its value (when, where, who); consecutive facts stay together in the text part.</summary>
    public MailBody Fact(string label, string value)
    {
        _html.Append("<p><strong>").Append(E(label)).Append("</strong> ").Append(E(value)).Append("</p>");
        _text.Append(label).Append(' ').Append(value).Append('\n');
        return this;
    }

    /// <summary>A code to read or type (a ticket code), large and in a monospace font.</summary>
    public MailBody Code(string label, string code)
    {
        _html.Append("<p>").Append(E(label)).Append("<br><strong style=\"font-family:Consolas,Menlo,monospace;font-size:20px;letter-spacing:1px\">")
            .Append(E(code)).Append("</strong></p>");
        _text.Append(label).Append(' ').Append(code).Append("\n\n");
        return this;
    }

    /// <summary>A link under its label, with the address written out below it (some clients hide link targets).</summary>
    public MailBody Link(string label, string url)
    {
        _html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(label)).Append("</a><br><span style=\"font-size:13px;word-break:break-all\">")
            .Append(E(url)).Append("</span></p>");
        _text.Append('\n').Append(label).Append(":\n").Append(url).Append("\n\n");
        return this;
    }

    /// <summary>A paragraph that is only an address, as a link to itself.</summary>
    public MailBody BareLink(string url)
    {
        _html.Append("<p><a href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a></p>");
        _text.Append(url).Append("\n\n");
        return this;
    }

    /// <summary>A square PNG shown in the HTML part, sent inline (<c>Content-ID</c>); the text part has no image.</summary>
    public MailBody Image(string fileName, byte[] png, int size, string alt)
    {
        var image = _parts.LinkedResources.Add(fileName, png, new ContentType("image", "png"));
        image.ContentId = MimeUtils.GenerateMessageId(_host);
        _html.Append("<p><img src=\"cid:").Append(image.ContentId).Append("\" width=\"").Append(size).Append("\" height=\"").Append(size)
            .Append("\" alt=\"").Append(E(alt)).Append("\" style=\"display:block;width:").Append(size).Append("px;height:").Append(size).Append("px\"></p>");
        return this;
    }

    /// <summary>An iCalendar file, quoted-printable so it stays readable; <paramref name="method"/> is its <c>METHOD</c>.</summary>
    public MailBody Calendar(string fileName, string ics, string method)
    {
        var part = (MimePart)_parts.Attachments.Add(fileName, Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar"));
        part.ContentType.Charset = "utf-8";
        part.ContentType.Parameters.Add("method", method);
        part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        return this;
    }

    /// <summary>The closing line, set apart with the usual signature separator in the text part.</summary>
    public MailBody Footer(string text)
    {
        _html.Append("<p style=\"color:#555;font-size:13px\">").Append(E(text)).Append("</p>");
        _text.Append("-- \n").Append(text).Append('\n');
        return this;
    }

    /// <summary>The alternatives, the inline images and the attachments, as one MIME entity.</summary>
    internal MimeEntity ToMimeEntity()
    {
        while (_text.Length > 1 && _text[^1] == '\n' && _text[^2] == '\n') _text.Length--; // one final line break
        _parts.TextBody = _text.ToString();
        _parts.HtmlBody =
            $"<!doctype html><html lang=\"{_lang}\"><head><meta charset=\"utf-8\"><title>{E(_title)}</title></head>" +
            $"<body style=\"font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em\">{_html}</body></html>";
        return _parts.ToMessageBody();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
