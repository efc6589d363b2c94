using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>Admins edit the event: texts, dates, venue, capacity, registration window.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class EventModel(EventSettings settings, ActivityLog activity, UiText t) : PageModel
{
    [BindProperty] public EventSettingsInput Input { get; set; } = null!;
    public Dictionary<string, string> Errors { get; } = [];
    public int? Promoted { get; private set; }
    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;

    public void OnGet(int? promoted)
    {
        Input = settings.Current();
        Promoted = promoted;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (errors, promoted) = await settings.SaveAsync(Input, ct);
        if (errors.Count == 0)
        {
            await activity.RecordAsync(User, ActivityActions.EventEdited, detail: promoted > 0 ? $"promoted={promoted}" : null, ct: ct);
            return Redirect($"/organisers/event?promoted={promoted}");
        }
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        return Page();
    }
}
