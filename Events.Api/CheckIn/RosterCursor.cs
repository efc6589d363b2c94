using System.Globalization;

namespace Events.Api.CheckIn;

/// <summary>
/// Where a phone's copy of the roster stands: the event and the last roster change it has, written <c>{event}-{seq}</c>.
/// Opaque to the phone, which only sends it back.
/// </summary>
public static class RosterCursor
{
    public static string Format(long eventId, long seq) => string.Create(CultureInfo.InvariantCulture, $"{eventId}-{seq}");

    /// <summary>The sequence to send changes after, or null when the full roster is due.</summary>
    public static long? Parse(string? cursor, long eventId, long currentSeq)
    {
        if (cursor is null) return null;
        var dash = cursor.IndexOf('-');
        if (dash <= 0
            || !long.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ev)
            || !long.TryParse(cursor.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            return null;
        return ev == eventId && seq <= currentSeq ? seq : null;
    }
}
