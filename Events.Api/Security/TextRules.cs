namespace Events.Api.Security;

/// <summary>
/// The rule every free-text field follows, whoever types it (attendee, speaker, organiser): required or not, a length
/// cap, and none of the invisible characters that change how text around them reads. Bidi overrides and zero-width
/// marks in a title could reverse what pages, the JSON agenda, calendar files and e-mail subjects show.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// Refused everywhere: control characters (line breaks only where the field has several lines), line and paragraph
    /// separators, bidi marks, embeddings, overrides and isolates, zero-width characters and the byte-order mark.
    /// </summary>
    public static bool IsRefused(char c, bool newLines) =>
        (char.IsControl(c) && !(newLines && c is '\n' or '\r' or '\t'))
        || c is '\u2028' or '\u2029' or '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static bool HasRefused(string value, bool newLines)
    {
        foreach (var c in value) if (IsRefused(c, newLines)) return true;
        return false;
    }

    /// <summary>Adds a message key to <paramref name="errors"/> when <paramref name="value"/> breaks the rule.</summary>
    public static void Check(Dictionary<string, string[]> errors, string field, string? value, int max, bool required, bool newLines)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors[field] = ["required"]; return; }
        if (Clean(value).Length > max) errors[field] = ["too_long"];
        else if (HasRefused(value, newLines)) errors[field] = ["control_characters"];
    }

    /// <summary>Trimmed, with Windows line ends made plain (a textarea posts CRLF), so lengths match what people typed.</summary>
    public static string Clean(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Replace("\r\n", "\n").Trim();

    /// <summary>Trimmed text, or null when empty: how optional fields are stored.</summary>
    public static string? CleanOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Clean(text);

    /// <summary>
    /// For text that is not refused but repaired, because nobody is there to correct it (e-mail headers written from
    /// older rows, a device name sent by a phone): refused characters become spaces, runs of spaces one.
    /// </summary>
    public static string OneLine(string value)
    {
        var chars = value.Select(c => IsRefused(c, newLines: false) ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
