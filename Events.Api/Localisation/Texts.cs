namespace Events.Api.Localisation;

/// <summary>
/// Every sentence the service shows or sends, in French and English. A key that has no text is a bug: with
/// <see cref="ThrowOnMissingKey"/> (Development and the tests) it throws; in production the page shows the key itself
/// rather than failing in front of an attendee.
/// </summary>
public sealed partial class Texts(string lang)
{
    public string Lang { get; } = Localisation.Lang.OrDefault(lang);

    public string this[string key] =>
        All.TryGetValue(key, out var pair) ? (Lang == Localisation.Lang.En ? pair.En : pair.Fr) : Missing(key, ThrowOnMissingKey);

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>The one culture chosen for this language: British English or French (France), for dates and numbers.</summary>
    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(Lang == Localisation.Lang.En ? "en-GB" : "fr-FR");

    /// <summary>
    /// A date in this language with <paramref name="pattern"/> (.NET's, such as "dddd d MMMM yyyy"), for pages and
    /// e-mails alike; in French the first of the month is written "1er", as French does ("lundi 1er juin").
    /// </summary>
    public string Date(DateTimeOffset value, string pattern)
    {
        if (Lang != Localisation.Lang.En && value.Day == 1) pattern = LoneDay().Replace(pattern, "'1er'");
        return value.ToString(pattern, Culture);
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![d'])d(?![d'])")]
    private static partial System.Text.RegularExpressions.Regex LoneDay();

    /// <summary>Whether <paramref name="key"/> has a text (optional variants: a field's own error, a plural's singular).</summary>
    public bool Has(string key) => All.ContainsKey(key);

    /// <summary>
    /// <paramref name="key"/> formatted with <paramref name="count"/> as {0} (then <paramref name="args"/>), in the form
    /// that agrees with it: <c>key_zero</c> for 0 when it exists ("aucune personne"), <c>key_one</c> for the singular
    /// (1 in English; 0 and 1 in French, as French counts), else <c>key</c> itself, the plural.
    /// </summary>
    public string Plural(string key, long count, params object?[] args)
    {
        var singular = Lang == Localisation.Lang.En ? count == 1 : count is 0 or 1;
        var chosen = count == 0 && Has(key + "_zero") ? key + "_zero" : singular && Has(key + "_one") ? key + "_one" : key;
        return Format(chosen, [count, .. args]);
    }

    public static readonly Texts French = new(Localisation.Lang.Fr);
    public static readonly Texts English = new(Localisation.Lang.En);
    public static Texts For(string? lang) => Localisation.Lang.OrDefault(lang) == Localisation.Lang.En ? English : French;

    /// <summary>
    /// Set once at start-up in Development (and by the tests): one switch for the process, since the texts are shared
    /// by every request. Never set back, so a test host starting as Production cannot turn it off for the others.
    /// </summary>
    public static bool ThrowOnMissingKey { get; set; }

    internal static string Missing(string key, bool strict) =>
        strict ? throw new KeyNotFoundException($"No text has the key \"{key}\": add it, in French and English, to Events.Api/Localisation/Texts.*.cs.") : key;

    /// <summary>Every key with both its texts (for the tests that hold both languages to the same keys).</summary>
    internal static IEnumerable<(string Key, string Fr, string En)> Entries => All.Select(p => (p.Key, p.Value.Fr, p.Value.En));

    // Each feature keeps its sentences in its own Texts.Feature.cs file.
    private static readonly Dictionary<string, (string Fr, string En)> All =
        new[] { Registration, Mail, Reminders, Organisers, CheckIn, Agenda, Attendees, Backoffice, Messages, Editions, Site, Printouts }.SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value);
}
