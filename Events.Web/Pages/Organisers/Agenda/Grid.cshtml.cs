using Events.Api.Agenda;
using Events.Api.Organisers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Agenda;

/// <summary>The schedule room by room, one table per day, for the venue team and the room managers; it prints on A4 landscape.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class GridModel(AgendaService agenda) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    /// <summary>One grid per local day, so a two-day event does not mix its mornings.</summary>
    public IReadOnlyList<(DateOnly Day, RoomGrid Grid)> Days { get; private set; } = [];

    public void OnGet()
    {
        Agenda = agenda.Load();
        var e = Agenda.Event;
        Days = Agenda.Sessions.GroupBy(s => DateOnly.FromDateTime(e.Local(s.Session.StartsAt).DateTime)).OrderBy(g => g.Key)
            .Select(g => (g.Key, new RoomGrid(Agenda.Rooms, g))).ToList();
    }
}
