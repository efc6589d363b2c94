using Events.Api.Agenda;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Speakers;

/// <summary>The speaker's home: when and where they speak, links to edit their profile and their sessions' text.</summary>
[Authorize(Policy = SpeakerAuth.Policy)]
public sealed class IndexModel(AgendaService agenda) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    public Speaker Speaker { get; private set; } = null!;
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IActionResult OnGet()
    {
        Agenda = agenda.Load();
        if (User.SpeakerId() is not { } id || Agenda.Speakers.FirstOrDefault(s => s.Id == id) is not { } speaker) return Forbid();
        Speaker = speaker;
        Sessions = Agenda.Sessions.Where(s => s.HasSpeaker(id)).ToList();
        return Page();
    }

    /// <summary>A post that names no handler (or one this page does not have) is refused, rather than rendering a page that was never loaded.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await SpeakerAuth.SignOutAsync(HttpContext);
        return Redirect("/speakers/signin");
    }
}
