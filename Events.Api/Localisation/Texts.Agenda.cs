namespace Events.Api.Localisation;

public sealed partial class Texts
{
    // Every key starts with agenda_ (the placeholder page's agenda_title and agenda_coming live in Texts.Registration.cs).
    private static Dictionary<string, (string Fr, string En)> Agenda => new()
    {
        // Vocabulary
        ["agenda_format_keynote"] = ("Conférence plénière", "Keynote"),
        ["agenda_format_talk"] = ("Conférence", "Talk"),
        ["agenda_format_round_table"] = ("Table ronde", "Round table"),
        ["agenda_format_workshop"] = ("Atelier", "Workshop"),
        ["agenda_language_fr"] = ("en français", "in French"),
        ["agenda_language_en"] = ("en anglais", "in English"),
        ["agenda_format"] = ("Format", "Format"),
        ["agenda_session_language"] = ("Langue de la session", "Language of the session"),
        ["agenda_room"] = ("Salle", "Room"),
        ["agenda_no_room"] = ("Salle à préciser", "Room to be announced"),
        ["agenda_speakers"] = ("Intervenants", "Speakers"),
        ["agenda_session_title"] = ("Titre", "Title"),
        ["agenda_abstract"] = ("Résumé", "Abstract"),
        ["agenda_equipment"] = ("Besoins en matériel", "Equipment needs"),
        ["agenda_equipment_hint"] = ("Par exemple : vidéoprojecteur HDMI, micro sans fil, tableau blanc.", "For example: HDMI projector, wireless microphone, whiteboard."),
        ["agenda_start"] = ("Début", "Start"),
        ["agenda_end"] = ("Fin", "End"),
        ["agenda_time_hint"] = ("Heure de Paris, au format 2027-06-26T09:30.", "Paris time, formatted as 2027-06-26T09:30."),
        ["agenda_public"] = ("Visible dans le programme public", "Shown in the public agenda"),
        ["agenda_hidden"] = ("masquée", "hidden"),
        ["agenda_time_range"] = ("{0} – {1}", "{0} – {1}"),

        // Field errors
        ["agenda_invalid_format"] = ("Choisissez un format.", "Choose a format."),
        ["agenda_invalid_time"] = ("Saisissez une date et une heure existantes, par exemple 2027-06-26T09:30.", "Enter a date and time that exists, for example 2027-06-26T09:30."),
        ["agenda_invalid_seats"] = ("Saisissez un nombre de places entier.", "Enter a whole number of seats."),
        ["agenda_invalid_link"] = ("Saisissez une adresse web complète commençant par https://.", "Enter a full web address starting with https://."),
        ["agenda_unknown_room"] = ("Cette salle n'existe pas.", "This room does not exist."),
        ["agenda_unknown_speaker"] = ("Un des intervenants choisis n'existe pas.", "One of the chosen speakers does not exist."),

        // Public agenda
        ["agenda_filters"] = ("Filtrer", "Filter"),
        ["agenda_all_formats"] = ("Tous les formats", "All formats"),
        ["agenda_all_languages"] = ("Toutes les langues", "All languages"),
        ["agenda_filter_current"] = ("(filtre actif)", "(current filter)"),
        ["agenda_no_match"] = ("Aucune session ne correspond à ce filtre.", "No session matches this filter."),
        ["agenda_updated"] = ("Mis à jour le {0}", "Updated on {0}"),
        ["agenda_download"] = ("Ajouter tout le programme à mon agenda (.ics)", "Add the whole agenda to my calendar (.ics)"),
        ["agenda_session_download"] = ("Ajouter cette session à mon agenda (.ics)", "Add this session to my calendar (.ics)"),
        ["agenda_back"] = ("Retour au programme", "Back to the agenda"),
        ["agenda_speaker_sessions"] = ("Sessions", "Sessions"),
        ["agenda_speaker_link"] = ("Site web", "Website"),
        ["agenda_room_access"] = ("Accessibilité de la salle", "Room accessibility"),

        // Conflicts
        ["agenda_conflict_ends_before_start"] = ("« {0} » se termine avant de commencer.", "“{0}” ends before it starts."),
        ["agenda_conflict_outside_hours"] = ("« {0} » est en dehors des horaires de l'événement ({1}).", "“{0}” is outside the event's hours ({1})."),
        ["agenda_conflict_room"] = ("« {0} » et « {1} » ont lieu en même temps dans la salle {2}.", "“{0}” and “{1}” are in room {2} at the same time."),
        ["agenda_conflict_speaker"] = ("{0} intervient en même temps dans « {1} » et « {2} ».", "{0} speaks in “{1}” and “{2}” at the same time."),
        ["agenda_conflicts_title"] = ("{0} conflit(s) dans le programme", "{0} conflict(s) in the agenda"),
        ["agenda_conflicts_explain"] = ("Le programme peut être enregistré ainsi, mais pas publié tant que ces conflits demeurent.", "The agenda can be saved like this, but not published while these conflicts remain."),
        ["agenda_no_conflicts"] = ("Aucun conflit dans le programme.", "No conflicts in the agenda."),

        // Organiser editor
        ["agenda_tool"] = ("Programme et intervenants", "Agenda and speakers"),
        ["agenda_editor_title"] = ("Programme : édition", "Agenda editor"),
        ["agenda_state_published"] = ("Le programme est publié depuis le {0}.", "The agenda has been published since {0}."),
        ["agenda_state_draft"] = ("Le programme n'est pas publié : la page publique annonce sa parution prochaine.", "The agenda is not published: the public page says it is coming soon."),
        ["agenda_publish"] = ("Publier le programme", "Publish the agenda"),
        ["agenda_unpublish"] = ("Dépublier le programme", "Unpublish the agenda"),
        ["agenda_publish_refused"] = ("Publication refusée : résolvez d'abord les conflits ci-dessous.", "Publication refused: resolve the conflicts below first."),
        ["agenda_published_notice"] = ("Le programme est publié.", "The agenda is published."),
        ["agenda_unpublished_notice"] = ("Le programme n'est plus publié.", "The agenda is no longer published."),
        ["agenda_saved_notice"] = ("Session enregistrée.", "Session saved."),
        ["agenda_deleted_notice"] = ("Session supprimée.", "Session deleted."),
        ["agenda_sessions"] = ("Sessions", "Sessions"),
        ["agenda_no_sessions"] = ("Aucune session pour l'instant.", "No sessions yet."),
        ["agenda_new_session"] = ("Ajouter une session", "Add a session"),
        ["agenda_save_session"] = ("Enregistrer la session", "Save the session"),
        ["agenda_delete_session"] = ("Supprimer la session", "Delete the session"),
        ["agenda_edit_session"] = ("Modifier « {0} »", "Edit “{0}”"),
        ["agenda_rooms_link"] = ("Salles", "Rooms"),
        ["agenda_speakers_link"] = ("Intervenants et invitations", "Speakers and invitations"),
        ["agenda_public_link"] = ("Voir le programme public", "See the public agenda"),
        ["agenda_form_errors"] = ("La session n'a pas été enregistrée : {0} erreur(s).", "The session was not saved: {0} error(s)."),

        // Rooms
        ["agenda_rooms_title"] = ("Salles", "Rooms"),
        ["agenda_room_name"] = ("Nom", "Name"),
        ["agenda_room_seats"] = ("Places", "Seats"),
        ["agenda_room_accessibility"] = ("Notes d'accessibilité", "Accessibility notes"),
        ["agenda_room_accessibility_hint"] = ("Par exemple : accès de plain-pied, boucle magnétique.", "For example: step-free access, hearing loop."),
        ["agenda_new_room"] = ("Ajouter une salle", "Add a room"),
        ["agenda_save_room"] = ("Enregistrer la salle", "Save the room"),
        ["agenda_room_saved"] = ("Salle enregistrée.", "Room saved."),
        ["agenda_remove_speaker"] = ("Retirer du programme", "Remove from the agenda"),
        ["agenda_speaker_removed"] = ("Personne retirée du programme : ses liens ne fonctionnent plus et ses sessions continuent sans elle.", "Speaker removed: their links no longer work and their sessions go on without them."),
        ["agenda_delete_room"] = ("Supprimer cette salle", "Delete this room"),
        ["agenda_room_deleted"] = ("Salle supprimée.", "Room deleted."),
        ["agenda_room_in_use"] = ("Cette salle accueille encore {0} session(s) : placez-les d'abord dans une autre salle.", "This room still holds {0} session(s): move them to another room first."),
        ["agenda_no_rooms"] = ("Aucune salle pour l'instant.", "No rooms yet."),

        // Speakers (organiser side)
        ["agenda_speakers_title"] = ("Intervenants", "Speakers"),
        ["agenda_invite_title"] = ("Inviter un intervenant", "Invite a speaker"),
        ["agenda_invite_name"] = ("Nom", "Name"),
        ["agenda_invite_language"] = ("Langue des e-mails", "Language of the e-mails"),
        ["agenda_invite_button"] = ("Envoyer l'invitation", "Send the invitation"),
        ["agenda_invite_again"] = ("Renvoyer une invitation", "Send a new invitation"),
        ["agenda_invited_notice"] = ("Invitation envoyée à {0}.", "Invitation sent to {0}."),
        ["agenda_invite_explain"] = ("L'intervenant reçoit un lien de connexion à usage unique, valable 7 jours.", "The speaker gets a single-use sign-in link, valid for 7 days."),
        ["agenda_no_speakers"] = ("Aucun intervenant pour l'instant.", "No speakers yet."),

        // Speaker portal
        ["agenda_portal_title"] = ("Espace intervenant", "Speaker area"),
        ["agenda_portal_welcome"] = ("Bonjour {0}.", "Hello {0}."),
        ["agenda_my_sessions"] = ("Mes sessions", "My sessions"),
        ["agenda_my_no_sessions"] = ("Aucune session ne vous est encore attribuée.", "No session has been assigned to you yet."),
        ["agenda_my_calendar"] = ("Mes sessions dans mon agenda (.ics)", "My sessions in my calendar (.ics)"),
        ["agenda_edit_text"] = ("Modifier le texte de « {0} »", "Edit the text of “{0}”"),
        ["agenda_edit_profile"] = ("Modifier mon profil", "Edit my profile"),
        ["agenda_profile_title"] = ("Mon profil", "My profile"),
        ["agenda_display_name"] = ("Nom affiché", "Display name"),
        ["agenda_organisation"] = ("Organisation", "Organisation"),
        ["agenda_job_title"] = ("Fonction", "Job title"),
        ["agenda_bio"] = ("Biographie", "Biography"),
        ["agenda_bio_hint"] = ("600 caractères au plus.", "600 characters at most."),
        ["agenda_web_link"] = ("Lien web (facultatif)", "Web link (optional)"),
        ["agenda_web_link_hint"] = ("Une seule adresse, par exemple https://exemple.fr.", "One address, for example https://example.com."),
        ["agenda_profile_saved"] = ("Votre profil est enregistré.", "Your profile is saved."),
        ["agenda_session_saved"] = ("Votre session est enregistrée.", "Your session is saved."),
        ["agenda_fixed_by_organisers"] = ("L'horaire, la salle et les intervenants sont fixés par les organisateurs.", "The time, room and speakers are set by the organisers."),
        ["agenda_signout"] = ("Se déconnecter", "Sign out"),

        // Speaker sign-in
        ["agenda_signin_title"] = ("Connexion intervenant", "Speaker sign-in"),
        ["agenda_signin_explain"] = ("Saisissez l'adresse à laquelle vous avez reçu votre invitation : nous vous enverrons un lien de connexion valable 15 minutes.", "Enter the address your invitation was sent to: we will send you a sign-in link valid for 15 minutes."),
        ["agenda_signin_send"] = ("Recevoir un lien de connexion", "Send me a sign-in link"),
        ["agenda_signin_sent"] = ("Si cette adresse est celle d'un intervenant, un lien de connexion vient de lui être envoyé. Il est valable 15 minutes.", "If this address belongs to a speaker, a sign-in link has just been sent to it. It is valid for 15 minutes."),
        ["agenda_link_title"] = ("Connexion à l'espace intervenant", "Sign in to the speaker area"),
        ["agenda_link_explain"] = ("Ce lien ne sert qu'une fois. Confirmez pour vous connecter.", "This link works once. Confirm to sign in."),
        ["agenda_link_button"] = ("Se connecter", "Sign in"),
        ["agenda_link_invalid"] = ("Ce lien n'est plus valable : il a déjà servi ou a expiré.", "This link is no longer valid: it has been used or has expired."),
        ["agenda_link_ask_new"] = ("Demander un nouveau lien", "Ask for a new link"),

        // E-mails (outbox kinds speaker_invitation and speaker_signin): {0} name, {1} link, {2} event title, {3} expiry
        ["agenda_mail_invitation_subject"] = ("Invitation à intervenir : {2}", "Speaker invitation: {2}"),
        ["agenda_mail_invitation_body"] = (
            "Bonjour {0},\n\nVous êtes invité·e à intervenir lors de « {2} ». Ce lien personnel ouvre votre espace intervenant, où vous pouvez compléter votre profil et le texte de vos sessions :\n\n{1}\n\nCe lien ne sert qu'une fois et reste valable jusqu'au {3}. Ensuite, demandez un nouveau lien de connexion sur la page « Connexion intervenant ».\n\nÀ bientôt !",
            "Hello {0},\n\nYou are invited to speak at “{2}”. This personal link opens your speaker area, where you can complete your profile and the text of your sessions:\n\n{1}\n\nThe link works once and is valid until {3}. After that, ask for a new sign-in link on the “Speaker sign-in” page.\n\nSee you soon!"),
        ["agenda_mail_signin_subject"] = ("Votre lien de connexion : {2}", "Your sign-in link: {2}"),
        ["agenda_mail_signin_body"] = (
            "Bonjour {0},\n\nVoici votre lien de connexion à l'espace intervenant de « {2} » :\n\n{1}\n\nIl ne sert qu'une fois et expire le {3} (dans 15 minutes). Si vous n'avez rien demandé, ignorez ce message.",
            "Hello {0},\n\nHere is your sign-in link to the speaker area of “{2}”:\n\n{1}\n\nIt works once and expires on {3} (in 15 minutes). If you did not ask for it, ignore this message."),
    };
}
