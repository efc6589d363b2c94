using System.Net.Mail;
using Events.Api.Localisation;

namespace Events.Api.Registration;

/// <summary>
/// The input rules shared by the form and the API. Errors are message keys (see <c>Texts</c>) per field,
/// so each caller words them in its own language.
/// </summary>
public static class RegistrationRules
{
    public const int NameMax = 100;
    public const int EmailMax = 254;
    public const int OrganisationMax = 200;
    public const int NeedsMax = 1000;

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

    /// <summary>The duplicate check compares addresses trimmed and case-insensitively.</summary>
    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Empty optional text is stored as null; the rest is trimmed.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Name(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["required"];
        else if (value.Length > NameMax) errors[field] = ["too_long"];
        else if (HasControlCharacters(value, allowNewLines: false)) errors[field] = ["control_characters"];
    }

    private static void Email(Dictionary<string, string[]> errors, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors["email"] = ["required"]; return; }
        var email = value.Trim();
        if (email.Length > EmailMax) errors["email"] = ["too_long"];
        else if (!LooksLikeEmail(email)) errors["email"] = ["invalid_email"];
    }

    private static void Optional(Dictionary<string, string[]> errors, string field, string? value, int max, bool allowNewLines)
    {
        if (value is null) return;
        if (value.Length > max) errors[field] = ["too_long"];
        else if (HasControlCharacters(value, allowNewLines)) errors[field] = ["control_characters"];
    }

    private static void Language(Dictionary<string, string[]> errors, string? value)
    {
        if (value is not null && !Lang.IsSupported(value.Trim().ToLowerInvariant())) errors["language"] = ["invalid_language"];
    }

    private static bool LooksLikeEmail(string email)
    {
        if (HasControlCharacters(email, allowNewLines: false) || email.Contains(' ') || email.Count(c => c == '@') != 1) return false;
        var at = email.IndexOf('@');
        var domain = email[(at + 1)..];
        if (at == 0 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
    }

    private static bool HasControlCharacters(string value, bool allowNewLines) =>
        value.Any(c => char.IsControl(c) && !(allowNewLines && c is '\n' or '\r' or '\t')) ||
        value.Any(c => c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E');
}
