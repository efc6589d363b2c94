using System.Globalization;
using System.Text;

namespace Events.Api.Security;

/// <summary>
/// How a person is found by name: the query is the start of the first name, the last name or "first last", with
/// accents and case ignored ("elo" finds "Éloïse"). The door's scanner applies the same rule to the roster on the
/// phone when offline (<c>wwwroot/door/scanner.js</c>, <c>fold</c>): decompose, drop the marks, then lower-case.
/// </summary>
public static class NameMatch
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                kept.Append(ch);
        return kept.ToString().ToLowerInvariant();
    }

    /// <summary>True when <paramref name="foldedQuery"/> (already <see cref="Fold"/>ed) starts a name.</summary>
    public static bool Matches(string foldedQuery, string firstName, string lastName)
    {
        var first = Fold(firstName);
        var last = Fold(lastName);
        return first.StartsWith(foldedQuery, StringComparison.Ordinal) || last.StartsWith(foldedQuery, StringComparison.Ordinal)
               || $"{first} {last}".StartsWith(foldedQuery, StringComparison.Ordinal);
    }
}
