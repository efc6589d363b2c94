using Events.Api.Agenda;
using Events.Api.Organisers;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Agenda;

/// <summary>Rooms: name, seats and accessibility notes, each editable in place.</summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class RoomsModel(AgendaService agenda, ActivityLog activity, UiText t) : PageModel
{
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool Deleted { get; private set; }
    /// <summary>The room that could not be deleted, and why.</summary>
    public (long Id, string Message)? Kept { get; private set; }
    public long? FailedId { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Seats { get; set; }
    [BindProperty] public string? Accessibility { get; set; }

    public void OnGet(bool saved = false, bool deleted = false)
    {
        Rooms = agenda.Load().Rooms;
        Saved = saved;
        Deleted = deleted;
    }

    /// <summary>Deletes a room once confirmed on <see cref="ConfirmModel"/> (an unconfirmed post is sent there), unless sessions still use it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed) return Redirect(ConfirmModel.PathFor("room", id));
        var (found, sessions) = await agenda.DeleteRoomAsync(id, ct);
        if (!found) return NotFound();
        if (sessions == 0)
        {
            await activity.RecordAsync(User, ActivityActions.AgendaRoomDeleted, detail: $"#{id}", ct: ct);
            return Redirect("/organisers/agenda/rooms?deleted=true");
        }
        Kept = (id, t.Plural("agenda_room_in_use", sessions));
        Rooms = agenda.Load().Rooms;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long? id, CancellationToken ct)
    {
        var errors = await agenda.SaveRoomAsync(id, new RoomInput(Name, Seats, Accessibility), ct);
        if (errors.ContainsKey("room")) return NotFound();
        if (errors.Count == 0)
        {
            await activity.RecordAsync(User, ActivityActions.AgendaRoomSaved, detail: id is { } rid ? $"#{rid}" : Name, ct: ct); // a new room by its (public) name
            return Redirect("/organisers/agenda/rooms?saved=true");
        }
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        FailedId = id ?? 0;
        Rooms = agenda.Load().Rooms;
        return Page();
    }

    public string? ErrorFor(long formId, string field) => FailedId == formId && Errors.TryGetValue(field, out var m) ? m : null;
}
