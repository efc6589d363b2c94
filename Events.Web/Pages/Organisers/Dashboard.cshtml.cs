using System.Globalization;
using System.Text;
using Events.Api.Mail;
using Events.Api.Organisers;
using Events.Api.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Admins' view of the registrations: the figures, the admissions over capacity, a search, a CSV export. The search
/// is a POST so that names never appear in addresses or access logs.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class DashboardModel(AttendeeList attendees, OutboxStore outbox, TimeProvider clock) : PageModel
{
    public AttendeeList.Summary Figures { get; private set; } = null!;
    public (long Waiting, long Failed) Mail { get; private set; }
    public IReadOnlyList<OverCapacityStore.Admission> OverCapacity { get; private set; } = [];
    [BindProperty] public string? Query { get; set; }
    public IReadOnlyList<AttendeeList.Attendee>? Results { get; private set; }

    public void OnGet() => Load();

    public void OnPost()
    {
        Load();
        Results = attendees.Search(Query);
    }

    public async Task<IActionResult> OnPostRetryMailAsync(CancellationToken ct)
    {
        await outbox.RetryFailedAsync(clock.GetUtcNow(), ct);
        return Redirect("/organisers/dashboard");
    }

    private void Load()
    {
        Figures = attendees.Figures();
        Mail = outbox.Counts();
        OverCapacity = attendees.OverCapacity();
    }

    /// <summary>Every registration as CSV (UTF-8 with BOM so spreadsheets read accents; formula-like cells neutralised).</summary>
    public FileContentResult OnGetExport()
    {
        var csv = new StringBuilder("\uFEFFlast_name,first_name,email,organisation,accessibility_needs,language,status,registered_at,checked_in_at\r\n");
        foreach (var a in attendees.All())
        {
            csv.AppendJoin(',', new[]
            {
                a.LastName, a.FirstName, a.Email, a.Organisation, a.AccessibilityNeeds, a.Language, a.Status,
                a.CreatedAt.ToString("O", CultureInfo.InvariantCulture), a.CheckedInAt?.ToString("O", CultureInfo.InvariantCulture),
            }.Select(Cell)).Append("\r\n");
        }
        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "attendees.csv");
    }

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text; // no formula runs when the file is opened
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
