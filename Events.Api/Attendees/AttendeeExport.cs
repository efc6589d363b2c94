using System.Globalization;
using CsvHelper;
using Events.Api.Localisation;

namespace Events.Api.Attendees;

/// <summary>
/// Every registration as CSV that French spreadsheets open as columns: <c>;</c> between cells, UTF-8 with a BOM (so
/// accents survive), column names and values in the organiser's language, local times without fractions of a second,
/// and cells that would start a formula neutralised (CsvHelper's injection escaping).
/// </summary>
public static class AttendeeExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>What the file holds and when it was taken, in the organiser's language: <c>liste-d-attente-2027-06-20.csv</c>.</summary>
    public static string FileName(AttendeeQuery query, Texts t, DateTimeOffset now, TimeZoneInfo zone) =>
        $"{t["csv_file_" + (query.Status ?? "all")]}-{TimeZoneInfo.ConvertTime(now, zone):yyyy-MM-dd}.csv";

    private static readonly string[] Columns =
    [
        "csv_last_name", "csv_first_name", "csv_email", "csv_organisation", "csv_accessibility_needs", "csv_language",
        "csv_status", "csv_registered_at", "csv_checked_in_at",
    ];

    /// <summary>
    /// The CSV of <paramref name="attendees"/>; with <paramref name="positions"/> (the waiting list, by registration id),
    /// a first column gives each person's place in the queue.
    /// </summary>
    public static byte[] Csv(IEnumerable<Attendee> attendees, Texts t, TimeZoneInfo zone, IReadOnlyDictionary<long, long>? positions = null)
    {
        var options = new CsvWriterOptions
        {
            Separator = ';',
            NewLine = "\r\n",
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
        };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            var header = Columns.Select(c => t[c]);
            csv.WriteRecord((positions is null ? header : header.Prepend(t["csv_position"])).ToArray());
            foreach (var a in attendees)
                csv.WriteRecord(
                [
                    .. positions is null ? (string[])[] : [positions.TryGetValue(a.Id, out var p) ? p.ToString(CultureInfo.InvariantCulture) : ""],
                    a.LastName, a.FirstName, a.Email, a.Organisation ?? "", a.AccessibilityNeeds ?? "", t["csv_language_" + a.Language],
                    t["csv_status_" + a.Status], Local(a.CreatedAt, zone), a.CheckedInAt is { } at ? Local(at, zone) : "",
                ]);
        }
        return buffer.ToArray();
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
