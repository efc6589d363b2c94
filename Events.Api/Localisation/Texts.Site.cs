namespace Events.Api.Localisation;

public sealed partial class Texts
{
    // The frame of every page (menus, footer) and the pages the law asks of a public body's online service.
    private static Dictionary<string, (string Fr, string En)> Site => new()
    {
        ["nav_label"] = ("Menu principal", "Main menu"),
        ["nav_organisers_label"] = ("Menu des organisateurs", "Organiser menu"),
        ["nav_organisers_home"] = ("Accueil", "Home"),
        ["menu"] = ("Menu", "Menu"),

        // The organiser home: the figures first, then the tools by stage of the event.
        ["home_confirmed"] = ("Participants confirmés", "Confirmed attendees"),
        ["home_seats"] = ("{0}\u00A0places", "{0} seats"),
        ["home_seats_one"] = ("{0}\u00A0place", "{0} seat"),
        ["home_before"] = ("Avant l'événement", "Before the event"),
        ["home_day"] = ("Le jour même", "On the day"),
        ["home_after"] = ("Après l'événement", "Afterwards"),

        // The footer states the accessibility status, as the law requires of every page ("Accessibilité : …").
        ["footer_accessibility"] = ("Accessibilité\u00A0: partiellement conforme", "Accessibility: partially compliant"),
        ["a11y_title"] = ("Déclaration d'accessibilité", "Accessibility statement"),
        ["legal_title"] = ("Mentions légales", "Legal notice"),
        ["eco_title"] = ("Écoconception", "Eco-design"),
        ["eco_statement_title"] = ("Déclaration d'écoconception", "Eco-design statement"),
        ["not_set"] = ("à préciser par l'éditeur", "to be given by the publisher"),
    };
}
