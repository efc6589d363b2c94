using Events.Api.Localisation;
using Microsoft.Net.Http.Headers;

namespace Events.Web.Localisation;

/// <summary>
/// The texts in the visitor's language: the <c>.Events.Lang</c> cookie set by the switch; otherwise the language of
/// the registration on pages reached from an e-mail link (<see cref="PreferIfNotChosen"/>); otherwise the browser's
/// preferred language among French and English; French otherwise.
/// </summary>
public sealed class UiText
{
    public const string Cookie = ".Events.Lang";

    private readonly string? _chosen;

    public UiText(IHttpContextAccessor accessor)
    {
        var http = accessor.HttpContext;
        _chosen = http?.Request.Cookies[Cookie];
        Texts = Texts.For(_chosen ?? FromBrowser(http));
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

    /// <summary>The first of French or English in the browser's <c>Accept-Language</c>, by preference; null when neither is there.</summary>
    private static string? FromBrowser(HttpContext? http)
    {
        if (http is null) return null;
        // The same address answers in either language: caches must keep them apart.
        if (!http.Response.HasStarted) http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage.Where(l => l.Quality is not 0).OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in preferred)
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith(Api.Localisation.Lang.Fr, StringComparison.OrdinalIgnoreCase)) return Api.Localisation.Lang.Fr;
            if (tag.StartsWith(Api.Localisation.Lang.En, StringComparison.OrdinalIgnoreCase)) return Api.Localisation.Lang.En;
        }
        return null;
    }
}
