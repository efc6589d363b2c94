using Events.Api.Localisation;

namespace Events.Web.Localisation;

/// <summary>
/// The texts in the visitor's language (<see cref="VisitorLanguage"/>), or, on pages reached from an e-mail link and
/// while the visitor has not used the switch, the language of the registration (<see cref="PreferIfNotChosen"/>).
/// </summary>
public sealed partial class UiText
{
    private readonly string? _chosen;

    public UiText(IHttpContextAccessor accessor)
    {
        var http = accessor.HttpContext;
        _chosen = http is null ? null : VisitorLanguage.Chosen(http.Request);
        Texts = Texts.For(http is null ? null : VisitorLanguage.Of(http));
    }

    public Texts Texts { get; private set; }

    public string Lang => Texts.Lang;
    /// <summary>The text of <paramref name="key"/>; a key without a text throws in Development and the tests (see <see cref="Texts"/>).</summary>
    public string this[string key] => Texts[key];
    public string Format(string key, params object?[] args) => Texts.Format(key, args);
    /// <summary>The form of <paramref name="key"/> that agrees with <paramref name="count"/> (see <see cref="Api.Localisation.Texts.Plural"/>).</summary>
    public string Plural(string key, long count, params object?[] args) => Texts.Plural(key, count, args);

    /// <summary>A colon after a label: "Intervenants :" in French (a non-breaking space before it), "Speakers:" in English.</summary>
    public string Colon => Lang == Api.Localisation.Lang.En ? ":" : " :";

    /// <summary>
    /// The message of a rule's error <paramref name="key"/> for <paramref name="field"/>: the field's own wording when
    /// there is one ("required" on firstName: <c>required_first_name</c>, "Indiquez votre prénom."), else the general one.
    /// </summary>
    public string FieldError(string field, string key)
    {
        var own = key + "_" + SnakeCase(field);
        return Texts.Has(own) ? Texts[own] : Texts[key];
    }

    /// <summary>
    /// A date in the visitor's language with <paramref name="pattern"/> (.NET's, such as "dddd d MMMM yyyy"); in French
    /// the first of the month is written "1er", as French does ("lundi 1er juin").
    /// </summary>
    public string Date(DateTimeOffset value, string pattern) => Texts.Date(value, pattern);

    /// <summary>The culture of the visitor's language (<see cref="Api.Localisation.Texts.Culture"/>).</summary>
    public System.Globalization.CultureInfo Culture => Texts.Culture;

    private static string SnakeCase(string field) =>
        string.Concat(field.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Someone who registered in English opens their ticket or management link in English, until they switch.</summary>
    public void PreferIfNotChosen(string? lang)
    {
        if (_chosen is null) Texts = Texts.For(lang);
    }
}
