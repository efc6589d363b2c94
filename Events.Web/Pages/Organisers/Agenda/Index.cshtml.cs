using Events.Api.Agenda;
using Events.Api.Organisers;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers.Agenda;

/// <summary>
/// The schedule editor: sessions by time, each with its form; conflicts in words at the top and beside each session.
/// Saving a conflicting schedule works (with the warning); publishing is refused until it is resolved.
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class IndexModel(AgendaService agenda, ActivityLog activity, UiText t) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    public IReadOnlyList<Conflict> Conflicts { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string? Notice { get; private set; }
    public bool PublishRefused { get; private set; }
    /// <summary>The form that failed validation: a session id, or 0 for the new-session form.</summary>
    public long? FailedId { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public Form Input { get; set; } = new();

    public void OnGet(string? done)
    {
        Load();
        Notice = done switch
        {
            "saved" => t["agenda_saved_notice"], "deleted" => t["agenda_deleted_notice"],
            "published" => t["agenda_published_notice"], "unpublished" => t["agenda_unpublished_notice"], _ => null,
        };
    }

    /// <summary>A post that names no handler (or one this page does not have) is refused, rather than rendering a page that was never loaded.</summary>
    public IActionResult OnPost() => BadRequest();

    public async Task<IActionResult> OnPostSaveAsync(long? id, CancellationToken ct)
    {
        // An id that is not a number fails binding and leaves the field empty: saving would silently drop the room or
        // the speakers, so it is refused like an unknown id.
        var unbound = new Dictionary<string, string[]>();
        if (Unbound("roomId")) unbound["roomId"] = ["agenda_unknown_room"];
        if (Unbound("speakerIds")) unbound["speakerIds"] = ["agenda_unknown_speaker"];
        var (savedId, errors) = unbound.Count > 0 ? (null, unbound) : await agenda.SaveSessionAsync(id, Input.ToInput(), ct);
        if (errors.ContainsKey("session")) return NotFound();
        if (savedId is { } sid)
        {
            await activity.RecordAsync(User, ActivityActions.AgendaSessionSaved, detail: $"#{sid}", ct: ct);
            return Redirect($"/organisers/agenda?done=saved#session-{sid}");
        }
        foreach (var (field, keys) in errors) Errors[field] = t.FieldError(field, keys[0]);
        FailedId = id ?? 0;
        Load();
        return Page();
    }

    /// <summary>Deletes a session once confirmed on <see cref="ConfirmModel"/>; an unconfirmed post is sent there.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(long id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed) return Redirect(ConfirmModel.PathFor("session", id));
        if (!await agenda.DeleteSessionAsync(id, ct)) return NotFound();
        await activity.RecordAsync(User, ActivityActions.AgendaSessionDeleted, detail: $"#{id}", ct: ct);
        return Redirect("/organisers/agenda?done=deleted");
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (await agenda.PublishAsync(ct) is PublishOutcome.Published)
        {
            await activity.RecordAsync(User, ActivityActions.AgendaPublished, ct: ct);
            return Redirect("/organisers/agenda?done=published");
        }
        PublishRefused = true;
        Load();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    public async Task<IActionResult> OnPostUnpublishAsync(CancellationToken ct)
    {
        await agenda.UnpublishAsync(ct);
        await activity.RecordAsync(User, ActivityActions.AgendaUnpublished, ct: ct);
        return Redirect("/organisers/agenda?done=unpublished");
    }

    public IEnumerable<Conflict> ConflictsOf(long sessionId) => Conflicts.Where(c => c.SessionIds.Contains(sessionId));

    /// <summary>The values a session's form shows: what was just submitted when that form failed, else what is stored.</summary>
    public Form ValuesFor(SessionView? s) => s is not null && FailedId != s.Id ? Form.From(s, Zone) : s is null && FailedId != 0 ? new Form() : Input;

    /// <summary>A new session starts on the event's day, at its opening, for an hour: the browser's picker opens there.</summary>
    public string DefaultStart => Events.Api.Localisation.LocalTime.Show(Agenda.Event.StartsAt, Zone);
    public string DefaultEnd => Events.Api.Localisation.LocalTime.Show(Agenda.Event.StartsAt.AddHours(1), Zone);

    public string? ErrorFor(long formId, string field) => FailedId == formId && Errors.TryGetValue(field, out var m) ? m : null;

    private bool Unbound(string field) => ModelState.Any(e =>
        e.Key.EndsWith(field, StringComparison.OrdinalIgnoreCase) && e.Value?.ValidationState == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid);

    private void Load()
    {
        Agenda = agenda.Load();
        Zone = agenda.Zone(Agenda.Event);
        Conflicts = agenda.Conflicts(Agenda);
    }

    public sealed class Form
    {
        public string? Title { get; set; }
        public string? Abstract { get; set; }
        public string? Format { get; set; } = SessionFormat.Talk;
        public string? Language { get; set; } = "fr";
        public string? Start { get; set; }
        public string? End { get; set; }
        public long? RoomId { get; set; }
        public List<long> SpeakerIds { get; set; } = [];
        public bool IsPublic { get; set; }

        public SessionInput ToInput() => new(Title, Abstract, Format, Language, Start, End, RoomId, SpeakerIds, IsPublic);

        public static Form From(SessionView s, TimeZoneInfo zone) => new()
        {
            Title = s.Session.Title, Abstract = s.Session.Abstract, Format = s.Session.Format, Language = s.Session.Language,
            Start = Events.Api.Localisation.LocalTime.Show(s.Session.StartsAt, zone), End = Events.Api.Localisation.LocalTime.Show(s.Session.EndsAt, zone),
            RoomId = s.Session.RoomId, SpeakerIds = s.Speakers.Select(sp => sp.Id).ToList(), IsPublic = s.Session.Public,
        };
    }
}
