using System.Globalization;
using System.Text;

namespace Events.Api.Attendees;

/// <summary>Every registration as CSV: UTF-8 with a BOM so spreadsheets read accents; formula-like cells neutralised.</summary>
public static class AttendeeExport
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string FileName = "attendees.csv";

    public static byte[] Csv(IEnumerable<Attendee> attendees)
    {
        var csv = new StringBuilder("\uFEFFlast_name,first_name,email,organisation,accessibility_needs,language,status,registered_at,checked_in_at\r\n");
        foreach (var a in attendees)
        {
            csv.AppendJoin(',', new[]
            {
                a.LastName, a.FirstName, a.Email, a.Organisation, a.AccessibilityNeeds, a.Language, a.Status,
                a.CreatedAt.ToString("O", CultureInfo.InvariantCulture), a.CheckedInAt?.ToString("O", CultureInfo.InvariantCulture),
            }.Select(Cell)).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text; // no formula runs when the file is opened
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
