namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Mail => new()
    {
        // E-mails ({0} is the event title unless said otherwise)
        ["mail_hello"] = ("Bonjour {0},", "Hello {0},"),
        ["mail_subject_ticket"] = ("Votre billet\u00A0: {0}", "Your ticket: {0}"),
        ["mail_subject_promoted"] = ("Une place s'est libérée\u00A0: votre billet ({0})", "A seat is free: your ticket ({0})"),
        ["mail_subject_replaced"] = ("Votre nouveau billet\u00A0: {0}", "Your new ticket: {0}"),
        ["mail_subject_waitlisted"] = ("Liste d'attente\u00A0: {0}", "Waiting list: {0}"),
        ["mail_subject_cancelled"] = ("Inscription annulée\u00A0: {0}", "Registration cancelled: {0}"),
        ["mail_subject_links"] = ("Vos liens personnels\u00A0: {0}", "Your personal links: {0}"),
        ["mail_intro_ticket"] = ("Votre place est confirmée. Voici votre billet.", "Your seat is confirmed. Here is your ticket."),
        ["mail_intro_promoted"] = ("Bonne nouvelle\u00A0: une place s'est libérée et elle est pour vous. Voici votre billet.", "Good news: a seat has freed up and it is yours. Here is your ticket."),
        ["mail_subject_reinstated"] = ("Votre inscription est rétablie\u00A0: {0}", "Your registration is reinstated: {0}"),
        ["mail_intro_admitted"] = ("L'équipe de l'événement vous a accordé une place en plus de celles prévues. Voici votre billet.", "The event's team has given you a seat beyond those planned. Here is your ticket."),
        ["mail_intro_reinstated"] = ("L'équipe de l'événement a rétabli votre inscription, qui avait été annulée. Voici votre billet.", "The event's team has reinstated your registration, which had been cancelled. Here is your ticket."),
        ["mail_intro_resend"] = ("Comme demandé, voici à nouveau votre billet.", "As requested, here is your ticket again."),
        ["mail_intro_replaced"] = ("Comme demandé, votre billet a un nouveau code. L'ancien code ne fonctionne plus.", "As requested, your ticket has a new code. The old code no longer works."),
        ["mail_intro_waitlisted"] = ("L'événement est complet\u00A0: vous êtes en position {0} sur la liste d'attente. Dès qu'une place se libère, elle vous est attribuée automatiquement et nous vous envoyons votre billet.", "The event is full: you are number {0} on the waiting list. As soon as a seat frees up it is given to you automatically and we send you your ticket."),
        ["mail_intro_waitlisted_nopos"] = ("L'événement est complet\u00A0: vous êtes sur la liste d'attente. Dès qu'une place se libère, nous vous envoyons votre billet.", "The event is full: you are on the waiting list. As soon as a seat frees up, we send you your ticket."),
        ["mail_intro_cancelled"] = ("Votre inscription est annulée. Merci de nous avoir prévenus\u00A0: votre place va à une autre personne.", "Your registration is cancelled. Thank you for letting us know: your seat goes to someone else."),
        ["mail_intro_links"] = ("Quelqu'un (sans doute vous) a essayé de s'inscrire à nouveau avec cette adresse. Elle est déjà inscrite\u00A0: voici vos liens personnels. Si ce n'était pas vous, ignorez ce message.", "Someone (probably you) tried to register again with this address. It is already registered: here are your personal links. If it was not you, ignore this message."),
        ["mail_when"] = ("Date", "Date"),
        ["mail_where"] = ("Lieu", "Venue"),
        ["mail_time_range"] = ("{0}, de {1} à {2} (heure de Paris)", "{0}, {1} to {2} (Paris time)"),
        ["mail_code_label"] = ("Code du billet", "Ticket code"),
        ["mail_qr_alt"] = ("QR code du billet", "Ticket QR code"),
        ["mail_show_at_door"] = ("Présentez ce QR code à l'entrée, sur votre téléphone ou imprimé. Sans QR code, le code ci-dessus suffit.", "Show this QR code at the entrance, on your phone or printed. Without it, the code above is enough."),
        ["mail_ticket_link"] = ("Voir et imprimer mon billet", "View and print my ticket"),
        ["mail_agenda_link"] = ("Le programme", "The agenda"),
        ["mail_manage_link"] = ("Consulter, modifier ou annuler mon inscription", "View, change or cancel my registration"),
        ["mail_calendar_note"] = ("Le fichier joint ajoute l'événement à votre agenda.", "The attached file adds the event to your calendar."),
        ["mail_footer"] = ("Ce message vous est envoyé parce que cette adresse a été inscrite à l'événement. Gardez-le\u00A0: il contient vos liens personnels.", "You receive this message because this address was registered for the event. Keep it: it holds your personal links."),
        ["mail_calendar_file"] = ("evenement.ics", "event.ics"),

        // Ticket page
        ["ticket_title"] = ("Mon billet", "My ticket"),
        ["ticket_holder"] = ("Nom", "Name"),
        ["ticket_organisation"] = ("Organisation", "Organisation"),
        ["ticket_qr_label"] = ("QR code du billet de {0}", "Ticket QR code for {0}"),
        ["ticket_print"] = ("Imprimez cette page ou montrez-la sur votre téléphone à l'entrée.", "Print this page or show it on your phone at the entrance."),

        // Management page: the ticket
        ["ticket_resend_title"] = ("Recevoir mon billet à nouveau", "Get my ticket again"),
        ["ticket_resend_button"] = ("Renvoyer mon billet par e-mail", "E-mail my ticket again"),
        ["ticket_resent"] = ("Votre billet vous a été renvoyé par e-mail.", "Your ticket has been e-mailed to you again."),
        ["ticket_replace_explain"] = ("Si votre billet a été partagé ou perdu, remplacez son code\u00A0: l'ancien billet ne fonctionnera plus et le nouveau vous sera envoyé par e-mail.", "If your ticket was shared or lost, replace its code: the old ticket will stop working and the new one will be e-mailed to you."),
        ["ticket_replace_title"] = ("Billet perdu ou partagé", "Lost or shared ticket"),
        ["ticket_replace_confirm"] = ("Remplacer le code\u202F? Le billet actuel, imprimé ou sur un téléphone, ne fonctionnera plus à l'entrée.", "Replace the code? The current ticket, printed or on a phone, will no longer work at the door."),
        ["ticket_replace_yes"] = ("Oui, remplacer le code", "Yes, replace the code"),
        ["ticket_replace_no"] = ("Non, garder mon billet", "No, keep my ticket"),
        ["ticket_replace_button"] = ("Remplacer le code de mon billet", "Replace my ticket code"),
        ["ticket_replaced"] = ("Votre billet a un nouveau code\u202F; il vous a été envoyé par e-mail. L'ancien ne fonctionne plus.", "Your ticket has a new code; it has been e-mailed to you. The old one no longer works."),
        ["ticket_too_soon"] = ("Une demande vient déjà d'être faite. Réessayez dans une minute.", "A request was just made. Try again in a minute."),
        // Organiser invitation (outbox kind organiser_invitation): {0} name, {1} link, {2} event title, {3} expiry
        ["mail_organiser_invitation_subject"] = ("Votre accès à l'espace organisateur", "Your access to the organiser area"),
        ["mail_organiser_invitation_body"] = (
            "Bonjour {0},\n\nVous êtes invité·e à rejoindre l'équipe organisatrice. Choisissez votre mot de passe (12 caractères au moins) avec ce lien personnel\u00A0:\n\n{1}\n\nIl ne sert qu'une fois et reste valable jusqu'au {3}.",
            "Hello {0},\n\nYou are invited to join the organising team. Choose your password (12 characters or more) with this personal link:\n\n{1}\n\nIt works once and is valid until {3}."),
    };
}
