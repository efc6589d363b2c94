using System.Text.RegularExpressions;
using Events.Api.Localisation;

namespace Events.Tests.Platform;

/// <summary>
/// Every text key the code and the pages use has its French and English text. Read from the sources themselves
/// (Events.Api and Events.Web, the texts' own files aside), so a key typed in a page is checked without rendering it.
/// </summary>
public sealed partial class TextKeyTests
{
    /// <summary>Snake-case codes that share a first word with text keys but are not texts (outcomes, outbox kinds, URL values).</summary>
    private static readonly HashSet<string> NotTexts = ["already_checked_in", "not_confirmed", "organiser_invitation", "too_soon"];

    private static readonly Lazy<List<(string File, string Source)>> Sources = new(() =>
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Events.sln"))) root = root.Parent;
        Assert.True(root is not null, $"no Events.sln above {AppContext.BaseDirectory}");
        return new[] { "Events.Api", "Events.Web" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root.FullName, project), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => !TextsFile().IsMatch(Path.GetFileName(f)))
            .Select(f => (Path.GetRelativePath(root.FullName, f), File.ReadAllText(f)))
            .ToList();
    });

    private static readonly HashSet<string> Defined = Texts.Entries.Select(e => e.Key).ToHashSet();

    [GeneratedRegex(@"^Texts(\.\w+)?\.cs$")]
    private static partial Regex TextsFile();

    // t["key"], T["key"], Texts.English["key"]; t.Format("key", …); errors["field"] = ["key"] (the rules' keys).
    [GeneratedRegex(@"\b(?:T|t|Texts|English|French)\[\s*""([a-z0-9_]+)""\s*\]|\.Format\(\s*""([a-z0-9_]+)""|\berrors\[[^\]]+\]\s*=\s*\[?\s*""([a-z0-9_]+)""")]
    private static partial Regex KeyUse();

    // Any snake_case string literal: keys also travel in tables ("mail_subject_ticket") and as prefixes ("agenda_format_" + format).
    [GeneratedRegex(@"""([a-z][a-z0-9]*(?:_[a-z0-9]+)+_?)""")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryKeyUsedInCodeAndPagesHasATextInBothLanguages()
    {
        var used = Sources.Value.SelectMany(s => KeyUse().Matches(s.Source)
                .Select(m => (s.File, Key: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .ToList();
        Assert.True(used.Count > 300, $"only {used.Count} key uses found: is the scan still reading the sources?");
        Assert.Empty(used.Where(u => !Defined.Contains(u.Key)).Select(u => $"{u.File}: \"{u.Key}\""));
    }

    [Fact]
    public void KeysNamedInTablesOrAsPrefixesExist()
    {
        var prefixes = Defined.Where(k => k.Contains('_')).Select(k => k[..k.IndexOf('_')]).ToHashSet();
        var unknown = Sources.Value
            .SelectMany(s => SnakeCase().Matches(s.Source).Select(m => (s.File, Key: m.Groups[1].Value)))
            .Where(u => prefixes.Contains(u.Key[..u.Key.IndexOf('_')]) && !NotTexts.Contains(u.Key))
            .Where(u => u.Key.EndsWith('_') ? !Defined.Any(k => k.StartsWith(u.Key, StringComparison.Ordinal)) : !Defined.Contains(u.Key))
            .Select(u => $"{u.File}: \"{u.Key}\" (a text key without a text? add it, or list it in NotTexts)");
        Assert.Empty(unknown);
    }

    [Fact]
    public void FrenchAndEnglishHaveTheSameKeysEachWithTextAndTheSamePlaceholders()
    {
        Assert.All(Texts.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Fr), $"{e.Key} has no French text");
            Assert.False(string.IsNullOrWhiteSpace(e.En), $"{e.Key} has no English text");
            Assert.True(Placeholders(e.Fr).SetEquals(Placeholders(e.En)), $"{e.Key}: French and English fill different {{n}}");
        });
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    [Fact]
    public void AMissingKeyThrowsInDevelopmentAndTestsAndShowsItselfInProduction()
    {
        Assert.True(Texts.ThrowOnMissingKey); // set for every test by StrictTexts, as Development does
        var error = Assert.Throws<KeyNotFoundException>(() => Texts.French["no_such_key"]);
        Assert.Contains("no_such_key", error.Message);
        Assert.Throws<KeyNotFoundException>(() => Texts.English.Format("no_such_key", 1));
        Assert.Equal("no_such_key", Texts.Missing("no_such_key", strict: false));
    }
}
