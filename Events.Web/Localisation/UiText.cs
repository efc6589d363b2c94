using Events.Api.Localisation;

namespace Events.Web.Localisation;

/// <summary>
/// The texts in the visitor's language (<see cref="VisitorLanguage"/>), or, on pages reached from an e-mail link and
/// while the visitor has not used the switch, the language of the registration (<see cref="PreferIfNotChosen"/>).
/// </summary>
public sealed class UiText
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

    /// <summary>Someone who registered in English opens their ticket or management link in English, until they switch.</summary>
    public void PreferIfNotChosen(string? lang)
    {
        if (_chosen is null) Texts = Texts.For(lang);
    }
}
