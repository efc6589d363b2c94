namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Editions => new()
    {
        // Creating next year's edition
        ["edition_starts_before_current_ends"] = ("La nouvelle édition doit commencer après la fin de l'édition en cours.",
            "The new edition must start after the current one ends."),
        ["edition_link"] = ("Éditions et nouvelle édition", "Editions and next edition"),
        ["edition_title"] = ("Éditions", "Editions"),
        ["edition_list_title"] = ("Chaque édition et ses chiffres", "Each edition and its figures"),
        ["edition_name"] = ("Édition", "Edition"),
        ["edition_current"] = ("(en cours)", "(current)"),
        ["edition_past"] = ("(passée, en lecture seule)", "(past, read-only)"),
        ["edition_create_title"] = ("Créer la prochaine édition", "Create the next edition"),
        ["edition_explain"] = ("Les réglages de l'édition en cours sont repris, avec les dates 52\u00A0semaines plus tard (le même jour de la semaine)\u00A0; modifiez ce qu'il faut. La nouvelle édition devient aussitôt l'édition en cours\u00A0: page publique, inscriptions, accueil, programme et exports ne parlent plus que d'elle, et les billets de l'édition précédente ne sont plus reconnus à l'accueil. L'édition précédente garde ses chiffres\u00A0; ses données personnelles sont effacées comme d'habitude, après le délai de conservation.",
            "The current edition's settings are carried over, with the dates 52 weeks later (the same weekday); change what you need. The new edition becomes the current one at once: the public page, registration, the door, the agenda and the exports speak of it only, and the previous edition's tickets are no longer recognised at the door. The previous edition keeps its figures; its personal data is erased as usual, after the retention period."),
        ["edition_copy_agenda"] = ("Reprendre le programme (salles et sessions, décalées aux nouvelles dates, masquées, sans intervenants) comme brouillon", "Copy the agenda (rooms and sessions, moved to the new dates, hidden, without speakers) as a draft"),
        ["edition_create_button"] = ("Créer la nouvelle édition et en faire l'édition en cours", "Create the new edition and make it the current one"),
        ["edition_created"] = ("La nouvelle édition est créée\u00A0: c'est désormais l'édition en cours.", "The new edition is created: it is now the current one."),
    };
}
