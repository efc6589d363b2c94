namespace Events.Api.Localisation;

/// <summary>Every sentence the service shows or sends, in French and English. A missing key shows the key itself.</summary>
public sealed partial class Texts(string lang)
{
    public string Lang { get; } = Localisation.Lang.OrDefault(lang);

    public string this[string key] =>
        All.TryGetValue(key, out var pair) ? (Lang == Localisation.Lang.En ? pair.En : pair.Fr) : key;

    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.GetCultureInfo(Lang), this[key], args);

    public static readonly Texts French = new(Localisation.Lang.Fr);
    public static readonly Texts English = new(Localisation.Lang.En);
    public static Texts For(string? lang) => Localisation.Lang.OrDefault(lang) == Localisation.Lang.En ? English : French;

    // Each feature keeps its sentences in its own Texts.Feature.cs file.
    private static readonly Dictionary<string, (string Fr, string En)> All =
        new[] { Registration, Mail, Organisers, CheckIn, Agenda }.SelectMany(d => d).ToDictionary(p => p.Key, p => p.Value);
}
