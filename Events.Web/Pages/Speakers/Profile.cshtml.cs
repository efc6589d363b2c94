using Events.Api.Agenda;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Speakers;

/// <summary>A speaker edits their own profile; which profile comes from their sign-in, never from the form.</summary>
[Authorize(Policy = SpeakerAuth.Policy)]
public sealed class ProfileModel(AgendaService agenda, UiText t) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public bool Saved { get; private set; }

    public IActionResult OnGet(bool saved = false)
    {
        if (User.SpeakerId() is not { } id || agenda.FindSpeaker(id) is not { } speaker) return Forbid();
        Input = new Form
        {
            DisplayName = speaker.DisplayName, Organisation = speaker.Organisation, JobTitle = speaker.JobTitle,
            Bio = speaker.Bio, WebLink = speaker.WebLink, Language = speaker.Language,
        };
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.SpeakerId() is not { } id) return Forbid();
        var errors = await agenda.SaveProfileAsync(id, new ProfileInput(Input.DisplayName, Input.Organisation, Input.JobTitle, Input.Bio, Input.WebLink, Input.Language), ct);
        if (errors.Count == 0) return Redirect("/speakers/profile?saved=true");
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        return Page();
    }

    public sealed class Form
    {
        public string? DisplayName { get; set; }
        public string? Organisation { get; set; }
        public string? JobTitle { get; set; }
        public string? Bio { get; set; }
        public string? WebLink { get; set; }
        public string? Language { get; set; }
    }
}
