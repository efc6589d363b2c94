namespace Events.Api.Localisation;

public sealed partial class Texts
{
    private static Dictionary<string, (string Fr, string En)> Reminders => new()
    {
        // The reminder e-mail, some hours before the event ({0} is the event title)
        ["mail_subject_reminder"] = ("Rappel\u00A0: {0}, votre billet", "Reminder: {0}, your ticket"),
        ["mail_intro_reminder"] = ("C'est bientôt\u00A0! Voici votre billet, l'adresse et comment venir. Si vous ne pouvez plus venir, annulez avec le lien ci-dessous\u00A0: votre place ira à une personne en liste d'attente.",
            "It's soon! Here are your ticket, the address and how to come. If you can no longer come, cancel with the link below: your seat will go to someone on the waiting list."),
        ["mail_how_to_come"] = ("Venir", "Getting there"),
        // Its text, on the event settings page
        ["event_how_to_come_fr"] = ("Comment venir (français)", "How to come (French)"),
        ["event_how_to_come_en"] = ("Comment venir (anglais)", "How to come (English)"),
        ["event_how_to_come_hint"] = ("Transports en commun, vélo, stationnement\u00A0: envoyé dans le rappel avant l'événement.",
            "Public transport, cycling, parking: sent in the reminder before the event."),
    };
}
