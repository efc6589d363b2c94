namespace Events.Api.Security;

/// <summary>The rule every free-text field follows: required or not, a length cap, no invisible control characters.</summary>
public static class TextRules
{
    /// <summary>Adds a message key to <paramref name="errors"/> when <paramref name="value"/> breaks the rule.</summary>
    public static void Check(Dictionary<string, string[]> errors, string field, string? value, int max, bool required, bool newLines)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors[field] = ["required"]; return; }
        if (Clean(value).Length > max) errors[field] = ["too_long"];
        else if (value.Any(ch => char.IsControl(ch) && !(newLines && ch is '\n' or '\r' or '\t'))) errors[field] = ["control_characters"];
    }

    /// <summary>Trimmed, with Windows line ends made plain (a textarea posts CRLF), so lengths match what people typed.</summary>
    public static string Clean(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Replace("\r\n", "\n").Trim();
}
