using Events.Api.Localisation;

namespace Events.Web.Localisation;

/// <summary>
/// The texts in the visitor's language: the <c>.Events.Lang</c> cookie set by the switch; otherwise the language of
/// the registration on pages reached from an e-mail link (<see cref="PreferIfNotChosen"/>); French otherwise.
/// </summary>
public sealed class UiText(IHttpContextAccessor accessor)
{
    public const string Cookie = ".Events.Lang";

    private readonly string? _chosen = accessor.HttpContext?.Request.Cookies[Cookie];

    public Texts Texts { get; private set; } = Texts.For(accessor.HttpContext?.Request.Cookies[Cookie]);

    /// <summary>Someone who registered in English opens their ticket or management link in English, until they switch.</summary>
    public void PreferIfNotChosen(string? lang)
    {
        if (_chosen is null) Texts = Texts.For(lang);
    }

    public string Lang => Texts.Lang;
    public string this[string key] => Texts[key];
    public string Format(string key, params object?[] args) => Texts.Format(key, args);
}
