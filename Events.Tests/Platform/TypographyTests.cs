using Events.Api.Localisation;

namespace Events.Tests.Platform;

/// <summary>
/// Every text of the service follows <see cref="Typography"/>, so that a new text keeps the rule: "Prénom :" with a
/// non-breaking space in French (« never alone at a line break), "First name:" in English, real plurals. The rendered
/// pages are checked too (<c>RenderedPagesTypographyTests</c>), which covers the words written in the pages themselves.
/// </summary>
public sealed class TypographyTests
{
    /// <summary>The JSON API's answers quote a shape in code ("{ code, nonce? }"): not prose.</summary>
    private static bool IsProse(string key) => !key.StartsWith("api_", StringComparison.Ordinal);

    [Fact]
    public void EveryFrenchTextHasNonBreakingSpacesBeforeHighPunctuationAndInsideGuillemets()
    {
        var breaches = Texts.Entries.Where(e => IsProse(e.Key))
            .SelectMany(e => Typography.FrenchBreaches(e.Fr).Select(b => $"{e.Key}: {b}"));
        Assert.Empty(breaches);
    }

    [Fact]
    public void EveryEnglishTextHasNoSpaceBeforeItsPunctuation()
    {
        var breaches = Texts.Entries.Where(e => IsProse(e.Key))
            .SelectMany(e => Typography.EnglishBreaches(e.En).Select(b => $"{e.Key}: {b}"));
        Assert.Empty(breaches);
    }

    [Theory]
    [InlineData("Prénom : indiquez votre prénom")]
    [InlineData("Prénom: indiquez votre prénom")]
    [InlineData("Appuyez sur « Démarrer »")]
    [InlineData("Vraiment ?")]
    [InlineData("4 erreur(s)")]
    [InlineData("Déjà entré(e)")]
    public void TheRuleCatchesWhatFrenchTypographyForbids(string text) => Assert.NotEmpty(Typography.FrenchBreaches(text));

    [Theory]
    [InlineData("Prénom\u00A0: indiquez votre prénom, à 09:30, sur https://exemple.fr/?a=1.")]
    [InlineData("Appuyez sur «\u202FDémarrer\u202F»\u202F!")]
    [InlineData("Vraiment\u202F? Oui\u202F; enfin.")]
    public void TheRuleLetsWellWrittenFrenchThrough(string text) => Assert.Empty(Typography.FrenchBreaches(text));

    [Theory]
    [InlineData("Speakers : Ada", true)]
    [InlineData("Speakers\u00A0: Ada", true)]
    [InlineData("2 error(s)", true)]
    [InlineData("Speakers: Ada, at 09:30 on https://example.com/?a=1.", false)]
    public void TheEnglishRuleWantsNoSpaceBeforeAColon(string text, bool breach) =>
        Assert.Equal(breach, Typography.EnglishBreaches(text).Any());

    [Theory]
    [InlineData("fr", 0, "Aucune inscription")]
    [InlineData("fr", 1, "1\u00A0inscription")]
    [InlineData("fr", 2, "2\u00A0inscriptions")]
    [InlineData("en", 0, "No registrations")]
    [InlineData("en", 1, "1 registration")]
    [InlineData("en", 3, "3 registrations")]
    public void CountsAgreeWithTheirNoun(string lang, int count, string expected) =>
        Assert.Equal(expected, Texts.For(lang).Plural("att_found", count));

    [Fact]
    public void FrenchCountsZeroAndOneAsSingular()
    {
        Assert.Equal("Le formulaire contient 1\u00A0erreur\u00A0:", Texts.French.Plural("errors_summary", 1));
        Assert.Equal("Le formulaire contient 3\u00A0erreurs\u00A0:", Texts.French.Plural("errors_summary", 3));
        Assert.Equal("The form has 1 error:", Texts.English.Plural("errors_summary", 1));
    }

    [Fact]
    public void TheFirstOfTheMonthIsWritten1erInFrench()
    {
        var french = new Events.Web.Localisation.UiText(new Microsoft.AspNetCore.Http.HttpContextAccessor()); // no request: French
        Assert.Equal("mardi 1er juin 2027", french.Date(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.FromHours(2)), "dddd d MMMM yyyy"));
        Assert.Equal("samedi 26 juin 2027, 08:30", french.Date(new DateTimeOffset(2027, 6, 26, 8, 30, 0, TimeSpan.FromHours(2)), "dddd d MMMM yyyy, HH:mm"));
    }
}
