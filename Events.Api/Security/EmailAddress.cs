using System.Net.Mail;

namespace Events.Api.Security;

/// <summary>The one rule for e-mail addresses: what is accepted, and the key two addresses are compared by.</summary>
public static class EmailAddress
{
    public const int Max = 254;

    /// <summary>Addresses are compared trimmed and case-insensitively (registrations, organisers, speakers).</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Adds a message key to <paramref name="errors"/> under <paramref name="field"/> when the address is missing or malformed.</summary>
    public static void Check(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors[field] = ["required"]; return; }
        var email = value.Trim();
        if (email.Length > Max) errors[field] = ["too_long"];
        else if (!IsValid(email)) errors[field] = ["invalid_email"];
    }

    /// <summary>One <c>@</c>, a dotted domain, nothing invisible, and what .NET parses back to the same address.</summary>
    public static bool IsValid(string email)
    {
        if (TextRules.HasRefused(email, newLines: false) || email.Contains(' ') || email.Count(c => c == '@') != 1) return false;
        var at = email.IndexOf('@');
        var domain = email[(at + 1)..];
        if (at == 0 || !domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.')) return false;
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
    }
}
