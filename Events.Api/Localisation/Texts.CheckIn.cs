namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> CheckIn => new()
    {
        ["door_link"] = ("Contrôle des billets à l'entrée", "Door check-in (ticket scanner)"),
        ["scan_title"] = ("Contrôle à l'entrée", "Door check-in"),
        ["scan_explain"] = ("La caméra ne s'allume que lorsque vous appuyez sur « Démarrer le scan » : elle lit le QR code des billets et n'enregistre aucune image.",
                            "The camera only starts when you press “Start scanning”: it reads the QR code on tickets and records no images."),
        ["scan_start"] = ("Démarrer le scan", "Start scanning"),
        ["scan_stop"] = ("Arrêter la caméra", "Stop the camera"),
        ["scan_camera_error"] = ("Caméra indisponible : saisissez le code ou cherchez par nom.", "Camera unavailable: type the code or search by name."),
        ["scan_camera_label"] = ("Image de la caméra", "Camera view"),
        ["verdict_welcome"] = ("Bienvenue, {0}", "Welcome, {0}"),
        ["verdict_already"] = ("Déjà entré(e) à {0} (appareil « {1} »)", "Already checked in at {0} (device “{1}”)"),
        ["verdict_unknown"] = ("Billet inconnu", "Unknown ticket"),
        ["verdict_cancelled"] = ("Inscription annulée", "Cancelled registration"),
        ["verdict_not_confirmed"] = ("Non confirmé (liste d'attente)", "Not confirmed (waiting list)"),
        ["verdict_undone"] = ("Entrée annulée : {0}", "Check-in undone: {0}"),
        ["verdict_nothing_to_undo"] = ("Aucune entrée à annuler pour ce billet.", "No check-in to undo for this ticket."),
        ["verdict_offline"] = ("Hors ligne : enregistré sur cet appareil, envoi dès le retour du réseau.", "Offline: saved on this device, sent when the connection returns."),
        ["verdict_continue"] = ("Continuer", "Continue"),
        ["code_label"] = ("Code du billet", "Ticket code"),
        ["code_hint"] = ("Le code imprimé sous le QR code ; tirets et espaces acceptés.", "The code printed under the QR code; dashes and spaces are fine."),
        ["checkin_button"] = ("Valider l'entrée", "Check in"),
        ["search_label"] = ("Rechercher par nom", "Search by name"),
        ["search_hint"] = ("Premières lettres du prénom ou du nom (deux au moins).", "First letters of the first or last name (at least two)."),
        ["search_button"] = ("Rechercher", "Search"),
        ["search_none"] = ("Personne ne correspond à « {0} ».", "Nobody matches “{0}”."),
        ["search_results"] = ("Résultats pour « {0} »", "Results for “{0}”"),
        ["checkin_person"] = ("Valider l'entrée de {0}", "Check in {0}"),
        ["checked_in_at"] = ("entré(e) à {0}", "checked in at {0}"),
        ["door_waitlisted"] = ("liste d'attente", "waiting list"),
        ["undo_button"] = ("Annuler la dernière entrée ({0})", "Undo the last check-in ({0})"),
        ["counter"] = ("{0} entrés / {1} confirmés", "{0} checked in / {1} confirmed"),
        ["queue_one"] = ("1 scan en attente d'envoi", "1 scan waiting"),
        ["queue_many"] = ("{0} scans en attente d'envoi", "{0} scans waiting"),
        ["device_label"] = ("Nom de cet appareil", "This device's name"),
        ["device_hint"] = ("Affiché aux autres portes, par exemple « Porte 2 ».", "Shown to the other doors, for example “Door 2”."),
        ["signed_out"] = ("Session expirée : reconnectez-vous.", "Session expired: sign in again."),
    };
}
