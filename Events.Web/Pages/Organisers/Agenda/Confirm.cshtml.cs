using Events.Api.Agenda;
using Events.Api.Organisers;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Agenda;

/// <summary>
/// "Delete this session / room", "remove this speaker": the editor's buttons lead here, and only this page's button
/// (which posts <c>confirmed=true</c> to the editor's own handler) deletes. The handlers refuse an unconfirmed post
/// by sending it here.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class ConfirmModel(AgendaService agenda, UiText t) : PageModel
{
    public string Question { get; private set; } = "";
    public string Consequence { get; private set; } = "";
    public string Yes { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Back { get; private set; } = "";

    public static string PathFor(string kind, long id) => $"/organisers/agenda/confirm/{kind}/{id}";

    public IActionResult OnGet(string kind, long id)
    {
        var data = agenda.Load();
        switch (kind)
        {
            case "session" when data.Sessions.FirstOrDefault(x => x.Id == id) is { } s:
                (Question, Consequence, Yes) = (t.Format("agenda_confirm_delete_session", s.Session.Title), t["agenda_confirm_delete_session_text"], t["agenda_delete_session"]);
                (Action, Back) = ($"/organisers/agenda?handler=Delete&id={id}", $"/organisers/agenda#session-{id}");
                return Page();
            case "room" when data.Rooms.FirstOrDefault(x => x.Id == id) is { } r:
                (Question, Consequence, Yes) = (t.Format("agenda_confirm_delete_room", r.Name), t["agenda_confirm_delete_room_text"], t["agenda_delete_room"]);
                (Action, Back) = ($"/organisers/agenda/rooms?handler=Delete&id={id}", "/organisers/agenda/rooms");
                return Page();
            case "speaker" when data.Speakers.FirstOrDefault(x => x.Id == id) is { } sp:
                (Question, Consequence, Yes) = (t.Format("agenda_confirm_remove_speaker", sp.DisplayName), t["agenda_confirm_remove_speaker_text"], t["agenda_remove_speaker"]);
                (Action, Back) = ($"/organisers/agenda/speakers?handler=Remove&id={id}", "/organisers/agenda/speakers");
                return Page();
            default:
                return NotFound();
        }
    }
}
