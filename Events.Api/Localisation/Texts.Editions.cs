namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Editions => new()
    {
        // Creating next year's edition
        ["edition_starts_before_current_ends"] = ("La nouvelle édition doit commencer après la fin de l'édition en cours.",
            "The new edition must start after the current one ends."),
    };
}
