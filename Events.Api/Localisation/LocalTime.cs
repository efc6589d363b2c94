using System.Globalization;

namespace Events.Api.Localisation;

/// <summary>Wall-clock times as organisers type them in forms (<c>datetime-local</c>), read in the event's time zone.</summary>
public static class LocalTime
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";
    public const int FirstYear = 2000, LastYear = 2199;

    /// <summary>
    /// "2027-06-26T09:00" read as a wall-clock time in <paramref name="zone"/>; null when not a valid time there, or
    /// outside the years an event can be held (at the calendar's edges, 0001-01-01 less an offset cannot be an instant).
    /// </summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length == 19) text = text[..16]; // browsers may send seconds
        if (!DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        if (local.Year is < FirstYear or > LastYear) return null;
        if (zone.IsInvalidTime(local)) return null; // the hour skipped when clocks go forward
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Show(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(Format, CultureInfo.InvariantCulture);
}
