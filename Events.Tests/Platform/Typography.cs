using System.Text.RegularExpressions;

namespace Events.Tests.Platform;

/// <summary>
/// French as it is written, English as it is written: the rule that <see cref="TypographyTests"/> applies to every
/// text of the service and to the rendered pages. Returns the breaches, each with a few characters around it.
/// </summary>
public static partial class Typography
{
    private const string NoBreak = "\u00A0\u202F";

    /// <summary>
    /// French: a non-breaking space (U+00A0 or U+202F), never a plain one or none, before : ; ! ? and » and after «;
    /// no "(s)" or "(e)" standing for a plural or an agreement.
    /// </summary>
    public static IEnumerable<string> FrenchBreaches(string text)
    {
        foreach (Match m in PlainSpaceBefore().Matches(text)) yield return Around(text, m, "plain space before " + m.Value.Trim());
        foreach (Match m in PlainSpaceAfterOpening().Matches(text)) yield return Around(text, m, "plain space after «");
        foreach (Match m in NothingBefore().Matches(text)) yield return Around(text, m, "no space before " + m.Groups[1].Value);
        foreach (Match m in NothingBeforeColon().Matches(text)) yield return Around(text, m, "no space before :");
        foreach (Match m in NothingAfterOpening().Matches(text)) yield return Around(text, m, "no space after «");
        foreach (Match m in Bracketed().Matches(text)) yield return Around(text, m, m.Value + " instead of a real plural or agreement");
    }

    /// <summary>English: no space of any kind before : ; ! ?, and no "(s)" plurals.</summary>
    public static IEnumerable<string> EnglishBreaches(string text)
    {
        foreach (Match m in SpaceBeforeEnglish().Matches(text)) yield return Around(text, m, "space before " + m.Value.Trim());
        foreach (Match m in Bracketed().Matches(text)) yield return Around(text, m, m.Value + " instead of a real plural");
    }

    private static string Around(string text, Match m, string what)
    {
        var from = Math.Max(0, m.Index - 25);
        var to = Math.Min(text.Length, m.Index + m.Length + 25);
        return $"{what}: “{text[from..to].Replace('\n', ' ')}”";
    }

    [GeneratedRegex(@"[ \t][:;!?»]")]
    private static partial Regex PlainSpaceBefore();

    [GeneratedRegex(@"«[ \t]")]
    private static partial Regex PlainSpaceAfterOpening();

    // A word (or a closing bracket, quote, digit) glued to ; ! ? » — but not "?" inside a web address or "!=" in code.
    [GeneratedRegex(@"[\p{L}\p{N})\]’'""]([;!?»])(?=[\s\p{P}]|$)")]
    private static partial Regex NothingBefore();

    // "Format: x": a colon glued to a word and followed by a space (times such as 09:30 and https:// are not).
    [GeneratedRegex(@"[\p{L})\]’'""]:(?=[ \t\u00A0]|$)")]
    private static partial Regex NothingBeforeColon();

    [GeneratedRegex(@"«(?=[^\u00A0\u202F])")]
    private static partial Regex NothingAfterOpening();

    [GeneratedRegex(@"\w\((?:s|e|es|x)\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"[\s\u00A0\u202F][:;!?](?=\s|$)")]
    private static partial Regex SpaceBeforeEnglish();
}
