namespace Events.Api.Localisation;

public sealed partial class Texts
{
    // The dashboard's charts, the accessibility needs summary, the printed attendee list and the badges.
    private static Dictionary<string, (string Fr, string En)> Printouts => new()
    {
        ["chart_heading"] = ("Au fil du temps", "Over time"),
        ["chart_data"] = ("Voir les données", "Show the data"),
        ["chart_day"] = ("Jour", "Day"),
        ["chart_week"] = ("Semaine du", "Week of"),
        ["chart_registered"] = ("Inscriptions", "Registrations"),
        ["chart_confirmed"] = ("Places confirmées (cumul)", "Confirmed seats (running total)"),
        ["chart_waiting"] = ("Liste d'attente", "Waiting list"),
        ["chart_none"] = ("Aucune inscription pour l'instant.", "No registrations yet."),
        ["chart_registrations_title"] = ("Inscriptions par jour et places confirmées", "Registrations per day and confirmed seats"),
        ["chart_registrations_title_week"] = ("Inscriptions par semaine et places confirmées", "Registrations per week and confirmed seats"),
        ["chart_registrations_summary"] = (
            "Du {0} au {1}\u00A0: {2} inscriptions au total, au plus {3} sur une barre\u00A0; à la fin, {4} places confirmées pour une capacité de {5}.",
            "From {0} to {1}: {2} registrations in all, at most {3} in one bar; at the end, {4} confirmed seats for a capacity of {5}."),
        ["chart_registrations_legend"] = (
            "Barres\u00A0: inscriptions\u00A0; ligne\u00A0: places confirmées (cumul)\u00A0; tirets\u00A0: capacité.",
            "Bars: registrations; line: confirmed seats (running total); dashes: capacity."),
        ["chart_waiting_title"] = ("Liste d'attente au fil du temps", "Waiting list over time"),
        ["chart_waiting_summary"] = (
            "Du {0} au {1}\u00A0: au plus {2} personnes en liste d'attente, {3} à la fin.",
            "From {0} to {1}: at most {2} people on the waiting list, {3} at the end."),
        ["chart_arrivals_title"] = ("Arrivées par tranche de {0}\u00A0minutes le jour de l'événement", "Arrivals per {0} minutes on the event's day"),
        ["chart_arrivals_summary"] = (
            "De {0} à {1}\u00A0: {2} arrivées, au plus {3} en {4}\u00A0minutes.",
            "From {0} to {1}: {2} arrivals, at most {3} in {4} minutes."),
        ["chart_arrivals_none"] = ("Aucune arrivée enregistrée le jour de l'événement pour l'instant.", "No arrivals recorded on the event's day yet."),
        ["chart_waiting_none"] = ("Personne n'a été en liste d'attente pour l'instant.", "Nobody has been on the waiting list yet."),
        ["chart_axis_confirmed"] = ("Places confirmées", "Confirmed seats"),
        ["chart_axis_people"] = ("Personnes", "People"),
        ["chart_capacity"] = ("capacité\u00A0: {0}", "capacity: {0}"),
        ["chart_slot"] = ("Créneau", "Time slot"),
        ["chart_arrivals"] = ("Arrivées", "Arrivals"),

        ["printouts_heading"] = ("Pour l'accueil", "For the welcome desk"),
        ["needs_link"] = ("Besoins d'accessibilité déclarés", "Declared accessibility needs"),
        ["print_link"] = ("Liste d'émargement à imprimer", "Printable attendee list"),
        ["badges_link"] = ("Badges à imprimer", "Printable badges"),
        ["print_hint"] = (
            "Imprimez cette page (Ctrl+P)\u00A0: l'en-tête, le menu et le pied de page ne sont pas imprimés.",
            "Print this page (Ctrl+P): the header, menu and footer are left out."),

        ["needs_title"] = ("Besoins d'accessibilité", "Accessibility needs"),
        ["needs_intro"] = (
            "Les besoins déclarés par les personnes confirmées et en liste d'attente. Les textes identiques aux majuscules, accents, espaces et ponctuation près sont regroupés.",
            "The needs declared by confirmed and waiting attendees. Texts that differ only by case, accents, spaces and punctuation are grouped."),
        ["needs_people"] = ("{0}\u00A0personnes ont déclaré un besoin.", "{0} people declared a need."),
        ["needs_people_one"] = ("{0}\u00A0personne a déclaré un besoin.", "{0} person declared a need."),
        ["needs_people_zero"] = ("Personne n'a déclaré de besoin d'accessibilité.", "Nobody has declared an accessibility need."),
        ["needs_need"] = ("Besoin", "Need"),
        ["needs_count"] = ("Personnes", "People"),
        ["needs_waiting"] = ("Dont en liste d'attente", "Of whom waiting"),
        ["needs_names"] = ("Noms", "Names"),
        ["needs_waiting_mark"] = ("(liste d'attente)", "(waiting list)"),
        ["needs_names_admin_only"] = ("Les noms ne sont montrés qu'aux administrateurs.", "Names are shown to admins only."),

        ["print_title"] = ("Liste d'émargement", "Attendee list"),
        ["print_count"] = ("{0}\u00A0personnes confirmées", "{0} confirmed attendees"),
        ["print_count_one"] = ("{0}\u00A0personne confirmée", "{0} confirmed attendee"),
        ["print_count_zero"] = ("Aucune personne confirmée", "No confirmed attendees"),
        ["print_present"] = ("Présent", "Present"),
        ["print_organisation"] = ("Organisation", "Organisation"),

        ["badges_title"] = ("Badges", "Badges"),
        ["badges_count"] = ("{0}\u00A0badges, {1}\u00A0par feuille A4", "{0} badges, {1} per A4 sheet"),
        ["badges_count_one"] = ("{0}\u00A0badge", "{0} badge"),
        ["badges_count_zero"] = ("Aucun badge\u00A0: personne n'est confirmé.", "No badges: nobody is confirmed."),
        ["badges_qr"] = ("Avec le QR code du billet", "With the ticket's QR code"),
        ["badges_show"] = ("Afficher", "Show"),
        ["badges_qr_label"] = ("QR code du billet de {0}", "Ticket QR code of {0}"),
    };
}
