using Events.Api.Agenda;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Speakers;

/// <summary>A speaker edits the text of one of their own sessions; anyone else's session is "not found".</summary>
[Authorize(Policy = SpeakerAuth.Policy)]
public sealed class SessionModel(AgendaService agenda, UiText t) : PageModel
{
    [BindProperty] public Form Input { get; set; } = new();
    public Dictionary<string, string> Errors { get; } = [];
    public bool Saved { get; private set; }
    public SessionView Session { get; private set; } = null!;
    public AgendaData Agenda { get; private set; } = null!;

    public IActionResult OnGet(long id, bool saved = false)
    {
        if (!Load(id)) return NotFound();
        var x = Session.Session;
        Input = new Form { Title = x.Title, Abstract = x.Abstract, Language = x.Language, Equipment = x.Equipment };
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (User.SpeakerId() is not { } speakerId) return Forbid();
        var (found, errors) = await agenda.SaveOwnSessionAsync(speakerId, id, new SpeakerSessionInput(Input.Title, Input.Abstract, Input.Language, Input.Equipment), ct);
        if (!found) return NotFound();
        if (errors.Count == 0) return Redirect($"/speakers/sessions/{id}?saved=true");
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        Load(id);
        return Page();
    }

    private bool Load(long id)
    {
        Agenda = agenda.Load();
        if (User.SpeakerId() is not { } speakerId || Agenda.Find(id) is not { } session || !session.HasSpeaker(speakerId)) return false;
        Session = session;
        return true;
    }

    public sealed class Form
    {
        public string? Title { get; set; }
        public string? Abstract { get; set; }
        public string? Language { get; set; }
        public string? Equipment { get; set; }
    }
}
