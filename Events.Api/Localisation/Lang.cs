namespace Events.Api.Localisation;

/// <summary>The two languages of the service; French is the default.</summary>
public static class Lang
{
    public const string Fr = "fr";
    public const string En = "en";

    public static bool IsSupported(string? lang) => lang is Fr or En;

    /// <summary>An optional language field: absent is fine, anything but French or English is not.</summary>
    public static void Check(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null && !IsSupported(value.Trim().ToLowerInvariant())) errors[field] = ["invalid_language"];
    }

    public static string OrDefault(string? lang) => lang?.Trim().ToLowerInvariant() is En ? En : Fr;
}
