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
        ["edition_upcoming"] = ("(à venir, pas encore en cours)", "(upcoming, not yet current)"),
        ["edition_create_title"] = ("Préparer la prochaine édition", "Prepare the next edition"),
        ["edition_explain"] = ("Les réglages de l'édition en cours sont repris, avec les dates 52\u00A0semaines plus tard (le même jour de la semaine)\u00A0; modifiez ce qu'il faut. La nouvelle édition est d'abord «\u00A0à venir\u00A0»\u00A0: rien ne change pour le public ni à l'accueil tant que vous ne l'avez pas rendue courante, dans une seconde étape.",
            "The current edition's settings are carried over, with the dates 52 weeks later (the same weekday); change what you need. The new edition is first \"upcoming\": nothing changes for the public or at the door until you make it current, in a second step."),
        ["edition_copy_agenda"] = ("Reprendre le programme (salles et sessions, décalées aux nouvelles dates, masquées, sans intervenants) comme brouillon", "Copy the agenda (rooms and sessions, moved to the new dates, hidden, without speakers) as a draft"),
        ["edition_create_button"] = ("Préparer la nouvelle édition", "Prepare the new edition"),
        ["edition_created"] = ("La nouvelle édition est prête, à venir\u00A0: l'édition en cours n'a pas changé.", "The new edition is prepared, upcoming: the current edition has not changed."),
        ["edition_upcoming_exists"] = ("Une prochaine édition est déjà préparée\u00A0: rendez-la courante avant d'en préparer une autre.",
            "A next edition is already prepared: make it current before preparing another."),
        ["edition_switch_title"] = ("Passer à l'édition {0}", "Switch to the {0} edition"),
        ["edition_switch_effects"] = ("Quand l'édition {0} devient l'édition en cours\u00A0: la page publique et les inscriptions ne parlent plus que d'elle\u00A0; l'accueil, le programme, les exports et le tableau de bord passent à elle\u00A0; les {1} billets de l'édition actuelle ne sont plus reconnus à l'accueil. Tant que personne ne s'est inscrit à la nouvelle édition, un administrateur peut revenir en arrière.",
            "When the {0} edition becomes the current one: the public page and registration speak of it only; the door, the agenda, the exports and the dashboard move to it; the current edition's {1} tickets are no longer recognised at the door. Until someone registers for the new edition, an admin can switch back."),
        ["edition_switch_not_ended"] = ("Attention\u00A0: l'édition en cours ne se termine que le {0}. Pendant l'événement, l'accueil refuserait tous les billets.",
            "Careful: the current edition only ends on {0}. During the event, the door would refuse every ticket."),
        ["edition_confirm_label"] = ("Pour confirmer, tapez l'année de la nouvelle édition\u00A0: {0}", "To confirm, type the new edition's year: {0}"),
        ["edition_confirm_mismatch"] = ("Tapez l'année de la nouvelle édition pour confirmer le changement.", "Type the new edition's year to confirm the switch."),
        ["edition_not_upcoming"] = ("Cette édition n'est plus à venir\u00A0: la page a été mise à jour ailleurs.", "This edition is no longer upcoming: the page was changed elsewhere."),
        ["edition_switch_button"] = ("Faire de l'édition {0} l'édition en cours", "Make the {0} edition the current one"),
        ["edition_switched"] = ("L'édition {0} est désormais l'édition en cours.", "The {0} edition is now the current one."),
        ["edition_back_title"] = ("Revenir à l'édition {0}", "Switch back to the {0} edition"),
        ["edition_back_explain"] = ("Personne ne s'est encore inscrit à l'édition en cours\u00A0: vous pouvez revenir à l'édition {0}, qui redevient l'édition en cours\u00A0; l'édition {1} redevient «\u00A0à venir\u00A0».",
            "Nobody has registered for the current edition yet: you can switch back to the {0} edition, which becomes current again; the {1} edition becomes \"upcoming\" again."),
        ["edition_back_button"] = ("Revenir à l'édition {0}", "Switch back to the {0} edition"),
        ["edition_switched_back"] = ("Retour à l'édition {0}\u00A0: c'est de nouveau l'édition en cours.", "Back to the {0} edition: it is the current one again."),
        ["edition_has_registrations"] = ("Quelqu'un s'est inscrit à l'édition en cours\u00A0: on ne peut plus revenir en arrière.", "Someone has registered for the current edition: it can no longer be switched back."),
        ["edition_not_current"] = ("Cette édition n'est plus l'édition en cours\u00A0: la page a été mise à jour ailleurs.", "This edition is no longer the current one: the page was changed elsewhere."),
    };
}
