namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Attendees => new()
    {
        // The attendees' CSV export: column names and values
        ["csv_position"] = ("Position dans la file", "Place in the queue"),
        ["csv_file_all"] = ("inscriptions", "registrations"),
        ["csv_file_confirmed"] = ("participants-confirmes", "confirmed-participants"),
        ["csv_file_waitlisted"] = ("liste-d-attente", "waiting-list"),
        ["csv_file_cancelled"] = ("annulations", "cancellations"),
        ["csv_file_arrived"] = ("arrives", "arrived"),
        ["csv_file_absent"] = ("absents", "absent"),
        ["csv_last_name"] = ("Nom", "Last name"),
        ["csv_first_name"] = ("Prénom", "First name"),
        ["csv_email"] = ("Adresse électronique", "E-mail"),
        ["csv_organisation"] = ("Organisation", "Organisation"),
        ["csv_accessibility_needs"] = ("Besoins d'accessibilité", "Accessibility needs"),
        ["csv_language"] = ("Langue", "Language"),
        ["csv_status"] = ("Statut", "Status"),
        ["csv_registered_at"] = ("Inscrit le", "Registered at"),
        ["csv_checked_in_at"] = ("Arrivé le", "Checked in at"),
        ["csv_language_fr"] = ("français", "French"),
        ["csv_language_en"] = ("anglais", "English"),
        ["csv_status_confirmed"] = ("confirmée", "confirmed"),
        ["csv_status_waitlisted"] = ("liste d'attente", "waiting list"),
        ["csv_status_cancelled"] = ("annulée", "cancelled"),
    };
}
