using Events.Api.Attendees;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Next year's edition: the current settings pre-filled with the dates 52 weeks on, every field editable, the agenda
/// copied as a hidden draft when asked. Below, every edition with its figures: past ones stay as they ended.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class NewEditionModel(NextEditions editions, EditionHistory history, ActivityLog activity, UiText t) : PageModel
{
    [BindProperty] public EventSettingsInput Input { get; set; } = null!;
    [BindProperty] public bool CopyAgenda { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<EditionFigures> Editions { get; private set; } = [];
    public bool Created { get; private set; }

    public void OnGet(bool created = false)
    {
        Input = editions.Proposal();
        CopyAgenda = true;
        Created = created;
        Editions = history.All();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (id, errors) = await editions.CreateAsync(Input, CopyAgenda, ct);
        if (id is not null)
        {
            await activity.RecordAsync(User, ActivityActions.EditionCreated, detail: $"edition={id}, copyAgenda={(CopyAgenda ? "yes" : "no")}", ct: ct);
            return Redirect("/organisers/event/new-edition?created=true");
        }
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        Editions = history.All();
        return Page();
    }
}
