namespace Events.Api.Localisation;

/// <summary>The two languages of the service; French is the default.</summary>
public static class Lang
{
    public const string Fr = "fr";
    public const string En = "en";

    public static bool IsSupported(string? lang) => lang is Fr or En;

    public static string OrDefault(string? lang) => lang?.Trim().ToLowerInvariant() is En ? En : Fr;
}
