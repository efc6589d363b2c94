namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Registration => new()
    {
        // Field errors (keys returned by the rules)
        ["required"] = ("Ce champ est obligatoire.", "This field is required."),
        ["too_long"] = ("Ce texte est trop long.", "This text is too long."),
        ["control_characters"] = ("Ce texte contient des caractères invisibles non autorisés.", "This text contains invisible characters that are not allowed."),
        ["invalid_email"] = ("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.", "Enter a valid e-mail address, for example name@example.com."),
        ["invalid_language"] = ("Choisissez français ou anglais.", "Choose French or English."),
        ["consent_required"] = ("Cochez cette case pour accepter la politique de confidentialité.", "Tick this box to accept the privacy notice."),
        ["already_cancelled"] = ("Cette inscription est annulée.", "This registration is cancelled."),

        // Layout
        ["skip"] = ("Aller au contenu", "Skip to content"),
        ["switch_lang"] = ("English", "Français"),
        ["switch_lang_label"] = ("Switch to English", "Passer en français"),
        ["nav_home"] = ("Accueil", "Home"),
        ["nav_agenda"] = ("Programme", "Agenda"),
        ["nav_privacy"] = ("Données personnelles", "Privacy"),

        // Home
        ["when"] = ("Quand", "When"),
        ["where"] = ("Où", "Where"),
        ["seats_left"] = ("{0} places restantes sur {1}.", "{0} seats left out of {1}."),
        ["full_waitlist"] = ("Complet : les nouvelles inscriptions rejoignent la liste d'attente ({0} personnes).", "Full: new registrations join the waiting list ({0} people)."),
        ["see_agenda"] = ("Voir le programme", "See the agenda"),
        ["register_title"] = ("S'inscrire", "Register"),
        ["free_event"] = ("Gratuit, sur inscription.", "Free, registration required."),
        ["not_open_yet"] = ("Les inscriptions ouvriront le {0}.", "Registration opens on {0}."),
        ["closed"] = ("Les inscriptions sont closes.", "Registration is closed."),
        ["errors_summary"] = ("Le formulaire contient {0} erreur(s) :", "The form has {0} error(s):"),
        ["required_note"] = ("Les champs marqués d'un astérisque (*) sont obligatoires.", "Fields marked with an asterisk (*) are required."),
        ["first_name"] = ("Prénom", "First name"),
        ["last_name"] = ("Nom", "Last name"),
        ["email"] = ("Adresse e-mail", "E-mail address"),
        ["email_hint"] = ("Votre billet sera envoyé à cette adresse.", "Your ticket will be sent to this address."),
        ["organisation"] = ("Organisation (facultatif)", "Organisation (optional)"),
        ["needs"] = ("Besoins d'accessibilité (facultatif)", "Accessibility needs (optional)"),
        ["needs_hint"] = ("Par exemple : place pour fauteuil roulant, boucle magnétique, interprète LSF.", "For example: wheelchair space, hearing loop, sign language interpreter."),
        ["language"] = ("Langue de vos e-mails", "Language of your e-mails"),
        ["lang_fr"] = ("Français", "French"),
        ["lang_en"] = ("Anglais", "English"),
        ["consent"] = ("J'accepte que mes données soient utilisées pour gérer mon inscription, comme décrit dans la", "I agree that my data is used to manage my registration, as described in the"),
        ["privacy_link"] = ("politique de confidentialité", "privacy notice"),
        ["submit_register"] = ("Je m'inscris", "Register"),
        ["too_many"] = ("Trop de tentatives. Réessayez dans une minute.", "Too many attempts. Try again in a minute."),
        ["duplicate"] = ("Cette adresse est déjà inscrite. Nous venons de lui renvoyer ses liens personnels par e-mail.", "This address is already registered. We have just e-mailed its personal links to it again."),

        // Confirmation and management
        ["registered_title"] = ("Inscription enregistrée", "Registration received"),
        ["confirmed_text"] = ("Votre place est confirmée. Votre billet arrive par e-mail.", "Your seat is confirmed. Your ticket is on its way by e-mail."),
        ["waitlisted_text"] = ("L'événement est complet : vous êtes en position {0} sur la liste d'attente. Nous vous écrirons dès qu'une place se libère.", "The event is full: you are number {0} on the waiting list. We will write to you as soon as a seat frees up."),
        ["manage_link_text"] = ("Gardez ce lien personnel pour consulter, modifier ou annuler votre inscription :", "Keep this personal link to view, change or cancel your registration:"),
        ["manage_title"] = ("Mon inscription", "My registration"),
        ["status"] = ("Statut", "Status"),
        ["status_confirmed"] = ("Confirmée", "Confirmed"),
        ["status_waitlisted"] = ("Liste d'attente, position {0}", "Waiting list, number {0}"),
        ["status_cancelled"] = ("Annulée", "Cancelled"),
        ["view_ticket"] = ("Voir mon billet", "View my ticket"),
        ["change_title"] = ("Modifier mes informations", "Change my details"),
        ["save"] = ("Enregistrer", "Save"),
        ["saved"] = ("Vos modifications sont enregistrées.", "Your changes are saved."),
        ["cancel_title"] = ("Annuler mon inscription", "Cancel my registration"),
        ["cancel_explain"] = ("Votre place sera donnée à la première personne en liste d'attente. Cette action est définitive.", "Your seat will go to the first person on the waiting list. This cannot be undone."),
        ["cancel_confirm"] = ("Je confirme l'annulation", "I confirm the cancellation"),
        ["cancel_button"] = ("Annuler mon inscription", "Cancel my registration"),
        ["cancel_confirm_required"] = ("Cochez la case pour confirmer l'annulation.", "Tick the box to confirm the cancellation."),
        ["cancelled_text"] = ("Votre inscription est annulée. Merci de nous avoir prévenus.", "Your registration is cancelled. Thank you for letting us know."),
        ["not_found_title"] = ("Page introuvable", "Page not found"),
        ["not_found_text"] = ("Ce lien n'existe pas ou n'est plus valable.", "This link does not exist or is no longer valid."),
        ["back_home"] = ("Retour à l'accueil", "Back to the home page"),

        // Agenda (placeholder until the agenda issue)
        ["agenda_title"] = ("Programme", "Agenda"),
        ["agenda_coming"] = ("Le programme sera publié prochainement.", "The agenda will be published soon."),

        ["error_title"] = ("Une erreur est survenue", "Something went wrong"),
        ["error_text"] = ("Nous n'avons pas pu traiter votre demande. Réessayez dans un instant.", "We could not handle your request. Please try again in a moment."),
    };
}
