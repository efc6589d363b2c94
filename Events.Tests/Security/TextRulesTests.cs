using Events.Api.Agenda;
using Events.Api.Registration;
using Events.Api.Security;

namespace Events.Tests.Security;

/// <summary>One set of refused characters, applied by every free-text field whoever types it. Pure rules: no app.</summary>
public sealed class TextRulesTests
{
    public static TheoryData<char> Invisible => new()
    {
        '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F',
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\uFEFF',
    };

    [Theory, MemberData(nameof(Invisible))]
    public void EveryFieldOfEveryFeatureRefusesTheSameInvisibleCharacters(char invisible)
    {
        var text = $"Atelier {invisible}sobriété";
        Assert.Equal("control_characters", Single(RegistrationRules.Validate(new RegistrationInput(text, "Lovelace", "ada@example.org", null, null, null, true)), "firstName"));
        Assert.Equal("control_characters", Single(RegistrationRules.Validate(new RegistrationInput("Ada", "Lovelace", "ada@example.org", null, text, null, true)), "accessibilityNeeds"));
        Assert.Equal("control_characters", Single(AgendaRules.Validate(new SpeakerSessionInput(text, null, "fr", null)), "title"));
        Assert.Equal("control_characters", Single(AgendaRules.Validate(new SpeakerSessionInput("Titre", text, "fr", null)), "abstract"));
        Assert.Equal("control_characters", Single(AgendaRules.Validate(new ProfileInput(text, null, null, null, null)), "displayName"));
        Assert.Equal("control_characters", Single(AgendaRules.Validate(new RoomInput(text, null, null), out _), "name"));
        Assert.Equal("control_characters", Single(new Events.Api.Messages.Announcement(text, "Bonjour").Validate(), "subject"));
        Assert.Equal("invalid_email", Single(EmailErrors($"ada{invisible}@example.org"), "email"));
        Assert.DoesNotContain(invisible, TextRules.OneLine(text));
    }

    [Fact]
    public void LineBreaksAndTabsAreKeptOnlyWhereAFieldHasSeveralLines()
    {
        Assert.False(TextRules.HasRefused("Une ligne\r\nune autre\tet un retrait", newLines: true));
        Assert.True(TextRules.HasRefused("Une ligne\nune autre", newLines: false));
        Assert.Equal("control_characters", Single(AgendaRules.Validate(new SpeakerSessionInput("Titre\nsur deux lignes", null, "fr", null)), "title"));
        Assert.DoesNotContain("abstract", AgendaRules.Validate(new SpeakerSessionInput("Titre", "Résumé\r\nsur deux lignes", "fr", null)).Keys);
    }

    [Fact]
    public void LettersOfEveryScriptAreWelcome()
    {
        foreach (var name in new[] { "Élodie", "Zoë O'Brien-Núñez", "محمد", "李小龍", "Ἀθηνᾶ", "Łukasz Żółć" })
            Assert.False(TextRules.HasRefused(name, newLines: false), name);
    }

    [Fact]
    public void AddressesAreComparedTrimmedAndWithoutCase() =>
        Assert.Equal(EmailAddress.Key("ada@example.org"), EmailAddress.Key("  Ada@Example.ORG "));

    [Fact]
    public void TokenHashesAreLowerCaseHexOfSha256()
    {
        var hash = SecretCode.Hash("ABCDEFGHJKLMNPQRSTUVWXYZ2345");
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash.ToLowerInvariant(), hash);
        Assert.NotEqual(hash, SecretCode.Hash("ABCDEFGHJKLMNPQRSTUVWXYZ2346"));
    }

    private static Dictionary<string, string[]> EmailErrors(string email)
    {
        var errors = new Dictionary<string, string[]>();
        EmailAddress.Check(errors, "email", email);
        return errors;
    }

    private static string Single(Dictionary<string, string[]> errors, string field) =>
        Assert.Single(Assert.Contains(field, (IDictionary<string, string[]>)errors));
}
