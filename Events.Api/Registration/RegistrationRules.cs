using Events.Api.Localisation;
using Events.Api.Security;

namespace Events.Api.Registration;

/// <summary>
/// The input rules shared by the form and the API. Errors are message keys (see <c>Texts</c>) per field,
/// so each caller words them in its own language.
/// </summary>
public static class RegistrationRules
{
    public const int NameMax = 100;
    public const int OrganisationMax = 200;
    public const int NeedsMax = 1000;
    /// <summary>The free-text reason door staff give for admitting a walk-in over capacity.</summary>
    public const int OverCapacityReasonMax = 200;

    public static Dictionary<string, string[]> Validate(RegistrationInput input)
    {
        var errors = new Dictionary<string, string[]>();
        Name(errors, "firstName", input.FirstName);
        Name(errors, "lastName", input.LastName);
        Email(errors, input.Email);
        Optional(errors, "organisation", input.Organisation, OrganisationMax, allowNewLines: false);
        Optional(errors, "accessibilityNeeds", input.AccessibilityNeeds, NeedsMax, allowNewLines: true);
        Language(errors, input.Language);
        if (!input.Consent) errors["consent"] = ["consent_required"];
        return errors;
    }

    public static Dictionary<string, string[]> Validate(RegistrationChange change)
    {
        var errors = new Dictionary<string, string[]>();
        if (change.FirstName is not null) Name(errors, "firstName", change.FirstName);
        if (change.LastName is not null) Name(errors, "lastName", change.LastName);
        Optional(errors, "organisation", change.Organisation, OrganisationMax, allowNewLines: false);
        Optional(errors, "accessibilityNeeds", change.AccessibilityNeeds, NeedsMax, allowNewLines: true);
        Language(errors, change.Language);
        return errors;
    }

    /// <summary>Why someone is admitted although every seat is taken (a walk-in, a promotion by hand): required, one line.</summary>
    public static void OverCapacityReason(Dictionary<string, string[]> errors, string? value) =>
        TextRules.Check(errors, "overCapacityReason", value, OverCapacityReasonMax, required: true, newLines: false);

    private static void Name(Dictionary<string, string[]> errors, string field, string? value) =>
        TextRules.Check(errors, field, value, NameMax, required: true, newLines: false);

    private static void Email(Dictionary<string, string[]> errors, string? value) => EmailAddress.Check(errors, "email", value);

    private static void Optional(Dictionary<string, string[]> errors, string field, string? value, int max, bool allowNewLines) =>
        TextRules.Check(errors, field, value, max, required: false, newLines: allowNewLines);

    private static void Language(Dictionary<string, string[]> errors, string? value) => Lang.Check(errors, "language", value);
}
