using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Events.Web.Pages.Shared;

/// <summary>
/// People's text as a table cell shows it: lines break between words, never inside one. Browsers also break after a
/// hyphen ("Rochefoucauld-" / "Montmorency", "Seine-" / "Maritime"), so a word that holds one is wrapped in
/// <c>&lt;span class="nw"&gt;</c>, which work.css keeps on one line (on a phone's cards it moves to the next line whole,
/// and breaks inside only when longer than the line); an e-mail address may break only right after its '@' and its
/// dots, where a reader still sees that it goes on.
/// </summary>
public static class TableText
{
    private static readonly char[] Breaks = ['-', '/', '–', '—'];
    // The encoder the pages use (Hosting/WebHosting.cs): accented letters stay letters.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The text, HTML-encoded, each word with a hyphen (or a slash, a dash) kept on one line, an address as <see cref="Email"/>.</summary>
    public static IHtmlContent Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) return HtmlString.Empty;
        if (text.IndexOfAny(Breaks) < 0 && !text.Contains('@')) return new HtmlString(Html.Encode(text));
        var html = new StringBuilder(text.Length + 32);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i])) continue;
            var word = text[start..i];
            if (word.Contains('@')) Address(html, word); // a name that is an address (an invited organiser's)
            else Piece(html, word);
            if (i < text.Length) html.Append(Html.Encode(text[i].ToString()));
            start = i + 1;
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// An e-mail address that may break only right after its '@' or a dot (<c>&lt;wbr&gt;</c>), its pieces with a
    /// hyphen kept whole as in <see cref="Words"/>.
    /// </summary>
    public static IHtmlContent Email(string? address) =>
        string.IsNullOrEmpty(address) ? HtmlString.Empty : new HtmlString(Address(new StringBuilder(address.Length + 48), address).ToString());

    private static StringBuilder Address(StringBuilder html, string address)
    {
        var start = 0;
        for (var i = 0; i < address.Length; i++)
        {
            if (address[i] is not ('@' or '.') || i == address.Length - 1) continue;
            Piece(html, address[start..(i + 1)]).Append("<wbr>");
            start = i + 1;
        }
        return Piece(html, address[start..]);
    }

    private static StringBuilder Piece(StringBuilder html, string piece) =>
        piece.IndexOfAny(Breaks) >= 0
            ? html.Append("<span class=\"nw\">").Append(Html.Encode(piece)).Append("</span>")
            : html.Append(Html.Encode(piece));
}
