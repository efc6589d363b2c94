using Events.Api.Agenda;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;

namespace Events.Web.Pages.Organisers;

/// <summary>A line of the activity log as admins read it: a sentence, and where it leads (a message, a session) if anywhere.</summary>
public sealed record ActivitySentence(string Text, string? Href = null);

/// <summary>
/// Words the log's rows: the action's label, then what it concerns, named (the session's title, the room's and
/// speaker's names from the current agenda, the edition's date, the message's subject, a count and a filter in words)
/// instead of the ids and codes the rows keep. Details are short facts written by this app's own pages, in the formats
/// read here (<c>#13</c>, <c>key=value, …</c>); anything else is shown as it is.
/// </summary>
public sealed class ActivitySentences(UiText t, AgendaData agenda, Func<long, EventInfo?> edition, Func<long, string?> messageSubject)
{
    private readonly Dictionary<long, string> _sessions = agenda.Sessions.ToDictionary(s => s.Session.Id, s => s.Session.Title);
    private readonly Dictionary<long, string> _rooms = agenda.Rooms.ToDictionary(r => r.Id, r => r.Name);
    private readonly Dictionary<long, string> _speakers = agenda.Speakers.ToDictionary(s => s.Id, s => s.DisplayName);

    public ActivitySentence Describe(ActivityEntry e)
    {
        var label = t[ActivityActions.TextKey(e.Action)];
        var d = e.Detail;
        var facts = Facts(d);
        string With(string? what) => what is { Length: > 0 } ? label + t.Colon + " " + what : label;
        return e.Action switch
        {
            ActivityActions.AgendaSessionSaved or ActivityActions.AgendaSessionDeleted =>
                Id(d) is { } id && _sessions.TryGetValue(id, out var title)
                    ? new(With(Quoted(title)), $"/organisers/agenda#s{id}-title") : new(With(Gone(d, "act_session_gone"))),
            ActivityActions.AgendaRoomSaved or ActivityActions.AgendaRoomDeleted =>
                new(With(Id(d) is { } room ? (_rooms.TryGetValue(room, out var name) ? Quoted(name) : Gone(d, "act_room_gone")) : Quoted(d))),
            ActivityActions.AgendaSpeakerInvited or ActivityActions.AgendaSpeakerRemoved =>
                new(With(Id(d) is { } sp && _speakers.TryGetValue(sp, out var speaker) ? speaker : Gone(d, "act_speaker_gone"))),
            ActivityActions.AttendeeEdited => new(With(d is null ? null : string.Join(", ", d.Split(", ").Select(Field)))),
            ActivityActions.AttendeesExported => new(With(Export(facts))),
            ActivityActions.EventEdited => new(With(Number(facts, "promoted") is { } n and > 0 ? t.Plural("act_promoted", n) : null)),
            ActivityActions.MessageSent => Message(label, facts),
            ActivityActions.EditionCreated or ActivityActions.EditionMadeCurrent or ActivityActions.EditionSwitchedBack =>
                new(With(Edition(facts, e.Action == ActivityActions.EditionCreated && facts.GetValueOrDefault("copyAgenda") == "yes"))),
            ActivityActions.StaffInvited => new(With(StaffInvited(d))),
            ActivityActions.StaffRemoved or ActivityActions.StaffRestored => new(With(d)),
            _ => new(With(d)),
        };
    }

    private ActivitySentence Message(string label, Dictionary<string, string> facts)
    {
        var audience = facts.GetValueOrDefault("audience");
        var recipients = Number(facts, "recipients") ?? 0;
        var to = t.Plural("act_message_to", recipients, audience is null ? "" : t["message_audience_" + audience].ToLowerInvariant());
        if (Number(facts, "message") is not { } id) return new(label + t.Colon + " " + to);
        var subject = messageSubject(id);
        return new(label + t.Colon + " " + (subject is null ? to : Quoted(subject) + ", " + to), subject is null ? null : $"/organisers/message/history/{id}");
    }

    private string? Export(Dictionary<string, string> facts)
    {
        if (Number(facts, "rows") is not { } rows) return null;
        var parts = new List<string> { t.Plural("act_rows", rows) };
        if (facts.GetValueOrDefault("status") is { } s && s != "all") parts.Add(t["att_filter_" + s].ToLowerInvariant());
        if (facts.GetValueOrDefault("sort") is { } sort) // "name", "date desc", "queue"
            parts.Add(t["act_sorted_" + sort.Split(' ')[0]] + (sort.EndsWith(" desc", StringComparison.Ordinal) ? " " + t["act_sorted_desc"] : ""));
        if (facts.GetValueOrDefault("search") == "yes") parts.Add(t["act_searched"]);
        return string.Join(", ", parts);
    }

    private string? Edition(Dictionary<string, string> facts, bool agendaCopied)
    {
        if (Number(facts, "edition") is not { } id || edition(id) is not { } e) return null;
        var start = TimeZoneInfo.ConvertTime(e.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone));
        return t.Format("act_edition", t.Date(start, "d MMMM yyyy")) + (agendaCopied ? ", " + t["act_agenda_copied"] : "");
    }

    private string? StaffInvited(string? d)
    {
        // "someone@example.org (door)": the address, then the role in words
        if (d is null || !d.EndsWith(')') || d.LastIndexOf(" (", StringComparison.Ordinal) is var at && at < 0) return d;
        var role = d[(at + 2)..^1];
        return d[..at] + " (" + (role is "admin" or "door" ? t["role_" + role] : role) + ")";
    }

    private string Field(string name) => name switch
    {
        "firstName" => t["first_name"], "lastName" => t["last_name"], "organisation" => t["act_field_organisation"],
        "accessibilityNeeds" => t["act_field_needs"], "language" => t["act_field_language"], _ => name,
    };

    private string Gone(string? detail, string key) => t.Format(key, Id(detail));

    private string Quoted(string? text) => t.Format("act_quoted", text);

    /// <summary>"#13" → 13.</summary>
    private static long? Id(string? detail) =>
        detail is ['#', .. var digits] && long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>"a=1, b=no" → {a: 1, b: no}.</summary>
    private static Dictionary<string, string> Facts(string? detail) =>
        (detail ?? "").Split(", ").Select(p => p.Split('=', 2)).Where(p => p.Length == 2).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);

    private static long? Number(Dictionary<string, string> facts, string key) =>
        facts.TryGetValue(key, out var v) && long.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
