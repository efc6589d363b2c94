using Events.Api.Agenda;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages;

/// <summary>One public session: abstract, speakers, room and its accessibility, calendar file.</summary>
public sealed class AgendaSessionModel(AgendaService agenda) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    public SessionView Session { get; private set; } = null!;

    public IActionResult OnGet(long id)
    {
        Agenda = agenda.Load();
        if (Agenda.PublicSessions.FirstOrDefault(s => s.Id == id) is not { } session) return NotFound();
        Session = session;
        ViewData["EventTitle"] = Agenda.Event.Title;
        return Page();
    }
}
