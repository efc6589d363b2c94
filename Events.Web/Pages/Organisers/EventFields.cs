using Events.Web.Localisation;

namespace Events.Web.Pages.Organisers;

/// <summary>The event's fields and their labels, in form order, for the error summaries of the pages that show them.</summary>
public static class EventFields
{
    public static (string Field, string Label)[] Labels(UiText t) =>
    [
        ("title", t["event_title_field"]), ("descriptionFr", t["event_description_fr"]), ("descriptionEn", t["event_description_en"]),
        ("startsAt", t["event_starts"]), ("endsAt", t["event_ends"]), ("venue", t["event_venue"]), ("address", t["event_address"]),
        ("capacity", t["event_capacity"]), ("registrationOpensAt", t["event_opens"]), ("registrationClosesAt", t["event_closes"]),
        ("howToComeFr", t["event_how_to_come_fr"]), ("howToComeEn", t["event_how_to_come_en"]),
    ];
}
