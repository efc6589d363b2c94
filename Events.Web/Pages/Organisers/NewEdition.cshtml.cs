using Events.Api.Attendees;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// Next year's edition in two steps: prepare it (the current settings pre-filled with the dates 52 weeks on, the agenda
/// copied as a hidden draft when asked), then make it current, a separate button that says what will change and, while
/// the current edition has not ended, asks for the new year typed. Until someone registers, an admin can switch back.
/// Above, every edition with its figures: past ones stay as they ended.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class NewEditionModel(NextEditions editions, Editions current, EditionHistory history, ActivityLog activity, UiText t) : PageModel
{
    [BindProperty] public EventSettingsInput Input { get; set; } = null!;
    [BindProperty] public bool CopyAgenda { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public IReadOnlyList<EditionFigures> Editions { get; private set; } = [];
    public EventInfo Current { get; private set; } = null!;
    public EventInfo? Upcoming { get; private set; }
    public EventInfo? SwitchBackTo { get; private set; }
    public bool NeedsConfirmation { get; private set; }
    /// <summary>What the last post did: "created", "switched" or "back".</summary>
    public string? Done { get; private set; }

    public void OnGet(string? done = null)
    {
        Input = editions.Proposal();
        CopyAgenda = true;
        Done = done is "created" or "switched" or "back" ? done : null;
        Load();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (id, errors) = await editions.CreateAsync(Input, CopyAgenda, ct);
        if (id is not null)
        {
            await activity.RecordAsync(User, ActivityActions.EditionCreated, detail: $"edition={id}, copyAgenda={(CopyAgenda ? "yes" : "no")}", ct: ct);
            return Redirect("/organisers/event/new-edition?done=created");
        }
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostCurrentAsync(long edition, string? confirm, CancellationToken ct)
    {
        if (await editions.MakeCurrentAsync(edition, confirm, ct) is { } error) return Refused("confirm", error);
        await activity.RecordAsync(User, ActivityActions.EditionMadeCurrent, detail: $"edition={edition}", ct: ct);
        return Redirect("/organisers/event/new-edition?done=switched");
    }

    public async Task<IActionResult> OnPostBackAsync(long edition, CancellationToken ct)
    {
        if (await editions.SwitchBackAsync(edition, ct) is { } error) return Refused("back", error);
        await activity.RecordAsync(User, ActivityActions.EditionSwitchedBack, detail: $"edition={edition}", ct: ct);
        return Redirect("/organisers/event/new-edition?done=back");
    }

    /// <summary>The year an edition is known by on this page.</summary>
    public static string Year(EventInfo e) => NextEditions.ConfirmationWord(e);

    private PageResult Refused(string field, string key)
    {
        Input = editions.Proposal();
        CopyAgenda = true;
        Errors[field] = t[key];
        Load();
        return Page();
    }

    private void Load()
    {
        Current = current.Current();
        Upcoming = editions.Upcoming();
        SwitchBackTo = editions.SwitchBackTarget();
        NeedsConfirmation = editions.NeedsConfirmation();
        Editions = history.All();
    }
}
