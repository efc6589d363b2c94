using Events.Api.Security;
using System.Globalization;
using Events.Api.Localisation;

namespace Events.Api.Agenda;

/// <summary>Input rules of the agenda forms. Errors are message keys (see <c>Texts.Agenda.cs</c>) per field.</summary>
public static class AgendaRules
{
    public const int TitleMax = 200;
    public const int AbstractMax = 2000;
    public const int EquipmentMax = 1000;
    public const int NameMax = 100;
    public const int OrganisationMax = 200;
    public const int BioMax = 600;
    public const int LinkMax = 300;

    public static Dictionary<string, string[]> Validate(SessionInput input, TimeZoneInfo zone, out DateTimeOffset start, out DateTimeOffset end)
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "title", input.Title, TitleMax, required: true, newLines: false);
        TextRules.Check(errors, "abstract", input.Abstract, AbstractMax, required: false, newLines: true);
        if (!SessionFormat.IsKnown(input.Format)) errors["format"] = ["agenda_invalid_format"];
        if (!Lang.IsSupported(input.Language)) errors["language"] = ["invalid_language"];
        start = Local(errors, "start", input.Start, zone);
        end = Local(errors, "end", input.End, zone);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(SpeakerSessionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "title", input.Title, TitleMax, required: true, newLines: false);
        TextRules.Check(errors, "abstract", input.Abstract, AbstractMax, required: false, newLines: true);
        TextRules.Check(errors, "equipment", input.Equipment, EquipmentMax, required: false, newLines: true);
        if (!Lang.IsSupported(input.Language)) errors["language"] = ["invalid_language"];
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RoomInput input, out long seats)
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "name", input.Name, NameMax, required: true, newLines: false);
        TextRules.Check(errors, "accessibility", input.Accessibility, AbstractMax, required: false, newLines: true);
        seats = 0;
        if (!string.IsNullOrWhiteSpace(input.Seats) && (!long.TryParse(input.Seats.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seats) || seats > 100_000))
            errors["seats"] = ["agenda_invalid_seats"];
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ProfileInput input)
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "displayName", input.DisplayName, NameMax, required: true, newLines: false);
        TextRules.Check(errors, "organisation", input.Organisation, OrganisationMax, required: false, newLines: false);
        TextRules.Check(errors, "jobTitle", input.JobTitle, OrganisationMax, required: false, newLines: false);
        TextRules.Check(errors, "bio", input.Bio, BioMax, required: false, newLines: true);
        if (!string.IsNullOrWhiteSpace(input.WebLink) && !IsWebLink(input.WebLink.Trim())) errors["webLink"] = ["agenda_invalid_link"];
        if (input.Language is not null && !Lang.IsSupported(input.Language)) errors["language"] = ["invalid_language"];
        return errors;
    }

    /// <summary>Only absolute http(s) addresses: never <c>javascript:</c> or <c>data:</c>.</summary>
    public static bool IsWebLink(string link) =>
        link.Length <= LinkMax && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !link.Any(char.IsWhiteSpace);

    private static DateTimeOffset Local(Dictionary<string, string[]> errors, string field, string? value, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors[field] = ["required"]; return default; }
        if (LocalTime.Parse(value, zone) is { } parsed) return parsed;
        errors[field] = ["agenda_invalid_time"];
        return default;
    }

}
