using Events.Api.Localisation;

namespace Events.Web.Localisation;

/// <summary>The texts in the visitor's language: the <c>.Events.Lang</c> cookie set by the switch, French otherwise.</summary>
public sealed class UiText(IHttpContextAccessor accessor)
{
    public const string Cookie = ".Events.Lang";

    public Texts Texts { get; } = Texts.For(accessor.HttpContext?.Request.Cookies[Cookie]);

    public string Lang => Texts.Lang;
    public string this[string key] => Texts[key];
    public string Format(string key, params object?[] args) => Texts.Format(key, args);
}
