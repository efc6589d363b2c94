using Events.Api.Agenda;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages;

/// <summary>A speaker's public profile: only for someone who speaks in a published, public session.</summary>
public sealed class AgendaSpeakerModel(AgendaService agenda) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    public Speaker Speaker { get; private set; } = null!;
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        Agenda = agenda.Load();
        Sessions = Agenda.PublicSessions.Where(s => s.HasSpeaker(id)).ToList();
        if (Sessions.Count == 0) return NotFound();
        Speaker = Sessions[0].Speakers.First(s => s.Id == id);
        ViewData["EventTitle"] = Agenda.Event.Title;
        return Page();
    }
}
