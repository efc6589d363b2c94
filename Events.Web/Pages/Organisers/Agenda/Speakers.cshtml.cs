using Events.Api.Agenda;
using Events.Api.Organisers;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Agenda;

/// <summary>
/// Speakers: invite one by name and address (an e-mail with a single-use link), send a new invitation, or remove one.
/// After a change the page is reloaded with the speaker's id, never their address, in the URL.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class SpeakersModel(AgendaService agenda, SpeakerAccess access, ActivityLog activity, UiText t) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    public IReadOnlyDictionary<long, SpeakerLinkStatus> Links { get; private set; } = new Dictionary<long, SpeakerLinkStatus>();
    public string? Invited { get; private set; }
    public bool Removed { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Language { get; set; } = "fr";

    public void OnGet(long? invited, bool removed = false)
    {
        Agenda = agenda.Load();
        Links = access.LinkStatuses();
        Invited = Agenda.Speakers.FirstOrDefault(s => s.Id == invited)?.Email;
        Removed = removed;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (id, errors) = await access.InviteAsync(Name, Email, Language, ct);
        if (id is not null)
        {
            await activity.RecordAsync(User, ActivityActions.AgendaSpeakerInvited, detail: $"#{id}", ct: ct);
            return Redirect($"/organisers/agenda/speakers?invited={id}");
        }
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        Agenda = agenda.Load();
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken ct)
    {
        if (agenda.FindSpeaker(id) is not { } speaker) return NotFound();
        await access.InviteAsync(speaker.DisplayName, speaker.Email, speaker.Language, ct);
        await activity.RecordAsync(User, ActivityActions.AgendaSpeakerInvited, detail: $"#{id}", ct: ct);
        return Redirect($"/organisers/agenda/speakers?invited={id}");
    }

    /// <summary>Removes a speaker once confirmed on <see cref="ConfirmModel"/>; an unconfirmed post is sent there.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(long id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed) return Redirect(ConfirmModel.PathFor("speaker", id));
        if (!await agenda.DeleteSpeakerAsync(id, ct)) return NotFound();
        await activity.RecordAsync(User, ActivityActions.AgendaSpeakerRemoved, detail: $"#{id}", ct: ct);
        return Redirect("/organisers/agenda/speakers?removed=true");
    }
}
