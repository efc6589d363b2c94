using System.Text;
using Events.Api.Registration;
using Events.Api.Security;

namespace Events.Api.Attendees;

/// <summary>Everyone who declared the same need (once folded), with one wording to show for them all.</summary>
public sealed record NeedGroup(string Text, IReadOnlyList<DeclaredNeed> People)
{
    public int Count => People.Count;
    public int Waiting => People.Count(p => p.Status == RegistrationStatus.Waitlisted);
}

/// <summary>
/// Groups the declared needs for the venue team: texts that differ only by case, accents, spaces or punctuation
/// ("Fauteuil roulant." and "fauteuil  ROULANT") are one need, counted once per person. Most frequent first.
/// </summary>
public static class NeedsSummary
{
    public static IReadOnlyList<NeedGroup> Group(IEnumerable<DeclaredNeed> needs) =>
        needs.Where(n => Key(n.Text).Length > 0)
            .GroupBy(n => Key(n.Text))
            .Select(g => new NeedGroup(Wording(g), g.OrderBy(p => p.LastName, Names).ThenBy(p => p.FirstName, Names).ToList()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Text, Names)
            .ToList();

    /// <summary>Accents and case as the name search folds them (<see cref="NameMatch.Fold"/>), then only letters and digits, one space between words.</summary>
    public static string Key(string? text)
    {
        var folded = NameMatch.Fold(text);
        var key = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsLetterOrDigit(ch)) key.Append(ch);
            else if (key.Length > 0 && key[^1] != ' ') key.Append(' ');
        }
        return key.ToString().TrimEnd();
    }

    /// <summary>The wording most people used (the first in alphabetical order on a tie), its spaces tidied.</summary>
    private static string Wording(IEnumerable<DeclaredNeed> group) =>
        group.Select(n => string.Join(' ', n.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .GroupBy(t => t).OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Names in French alphabetical order: "Écoffier" before "Fabre", case ignored.</summary>
    public static readonly StringComparer Names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
}
