using Events.Api.Localisation;

namespace Events.Api.Agenda;

public enum ConflictKind { EndsBeforeStart, OutsideEventHours, RoomDoubleBooked, SpeakerDoubleBooked }

/// <summary>One problem in the schedule, naming the sessions it concerns and the room or speaker involved.</summary>
public sealed record Conflict(ConflictKind Kind, IReadOnlyList<long> SessionIds, IReadOnlyList<string> Titles, string? Detail)
{
    /// <summary>The conflict in words, in the reader's language.</summary>
    public string Describe(Texts t) => Kind switch
    {
        ConflictKind.EndsBeforeStart => t.Format("agenda_conflict_ends_before_start", Titles[0]),
        ConflictKind.OutsideEventHours => t.Format("agenda_conflict_outside_hours", Titles[0], Detail),
        ConflictKind.RoomDoubleBooked => t.Format("agenda_conflict_room", Titles[0], Titles[1], Detail),
        _ => t.Format("agenda_conflict_speaker", Detail, Titles[0], Titles[1]),
    };
}

/// <summary>
/// The rules of a sound schedule: a session ends after it starts, stays within the event's hours, and neither a room
/// nor a speaker is in two sessions at once. Hidden sessions count too: they still take the room and the speaker.
/// </summary>
public static class ScheduleConflicts
{
    public static IReadOnlyList<Conflict> Find(IReadOnlyList<SessionView> sessions, DateTimeOffset eventStart, DateTimeOffset eventEnd, string eventHours)
    {
        var conflicts = new List<Conflict>();
        foreach (var s in sessions)
        {
            var x = s.Session;
            if (x.EndsAt <= x.StartsAt) conflicts.Add(new(ConflictKind.EndsBeforeStart, [x.Id], [x.Title], null));
            if (x.StartsAt < eventStart || x.EndsAt > eventEnd)
                conflicts.Add(new(ConflictKind.OutsideEventHours, [x.Id], [x.Title], eventHours));
        }
        var ordered = sessions.Where(s => s.Session.EndsAt > s.Session.StartsAt).OrderBy(s => s.Session.StartsAt).ThenBy(s => s.Id).ToList();
        for (var i = 0; i < ordered.Count; i++)
        for (var j = i + 1; j < ordered.Count; j++)
        {
            var (a, b) = (ordered[i], ordered[j]);
            if (b.Session.StartsAt >= a.Session.EndsAt) continue;  // no overlap in time
            if (a.Room is { } room && a.Session.RoomId == b.Session.RoomId)
                conflicts.Add(new(ConflictKind.RoomDoubleBooked, [a.Id, b.Id], [a.Session.Title, b.Session.Title], room.Name));
            foreach (var speaker in a.Speakers.Where(sp => b.HasSpeaker(sp.Id)))
                conflicts.Add(new(ConflictKind.SpeakerDoubleBooked, [a.Id, b.Id], [a.Session.Title, b.Session.Title], speaker.DisplayName));
        }
        return conflicts;
    }
}
