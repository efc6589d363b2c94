using Events.Api.Security;
using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.Agenda;

/// <summary>
/// The agenda of the current event: rooms, sessions and publication for organisers, their own sessions for speakers.
/// Once published, a change of a session's time, room or title marks it "updated" with the time of the change.
/// </summary>
public sealed class AgendaService(Db db, Editions events, TimeProvider clock)
{
    public AgendaData Load()
    {
        var e = events.Current();
        using var c = db.OpenRead();
        var rooms = AgendaStore.Rooms(c, e.Id);
        var speakers = AgendaStore.Speakers(c, e.Id);
        var links = AgendaStore.SessionSpeakers(c, e.Id).ToLookup(l => l.SessionId, l => l.SpeakerId);
        var sessions = AgendaStore.Sessions(c, e.Id).Select(s => new SessionView(
            s, rooms.FirstOrDefault(r => r.Id == s.RoomId),
            speakers.Where(sp => links[s.Id].Contains(sp.Id)).ToList())).ToList();
        return new AgendaData(e, AgendaStore.PublishedAt(c, e.Id), rooms, speakers, sessions);
    }

    public TimeZoneInfo Zone(EventInfo e) => TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);

    public IReadOnlyList<Conflict> Conflicts(AgendaData agenda)
    {
        var e = agenda.Event;
        var hours = $"{e.Local(e.StartsAt):HH:mm}–{e.Local(e.EndsAt):HH:mm}";
        return ScheduleConflicts.Find(agenda.Sessions, e.StartsAt, e.EndsAt, hours);
    }

    /// <summary>Creates (<paramref name="id"/> null) or changes a session. A conflicting schedule is saved; publishing it is what is refused.</summary>
    public async Task<(long? Id, Dictionary<string, string[]> Errors)> SaveSessionAsync(long? id, SessionInput input, CancellationToken ct = default)
    {
        var e = events.Current();
        var errors = AgendaRules.Validate(input, Zone(e), out var start, out var end);
        if (errors.Count > 0) return (null, errors);
        var now = clock.GetUtcNow();
        var title = TextRules.Clean(input.Title);
        var @abstract = TextRules.Clean(input.Abstract);
        return await db.WriteAsync<(long?, Dictionary<string, string[]>)>((c, tx) =>
        {
            var rooms = AgendaStore.Rooms(c, e.Id, tx);
            var speakers = AgendaStore.Speakers(c, e.Id, tx);
            if (input.RoomId is { } roomId && rooms.All(r => r.Id != roomId)) errors["roomId"] = ["agenda_unknown_room"];
            if (input.SpeakerIds.Any(sid => speakers.All(s => s.Id != sid))) errors["speakerIds"] = ["agenda_unknown_speaker"];
            if (errors.Count > 0) return (null, errors);
            long sessionId;
            if (id is null)
                sessionId = AgendaStore.InsertSession(c, tx, e.Id, title, @abstract, input.Format!, input.Language!, start, end, input.RoomId, input.IsPublic, now);
            else
            {
                if (AgendaStore.SessionById(c, id.Value, tx) is not { } old || old.EventId != e.Id) return (null, new() { ["session"] = ["not_found_text"] });
                var moved = old.StartsAt != start || old.EndsAt != end || old.RoomId != input.RoomId || old.Title != title;
                var changedAt = moved && AgendaStore.PublishedAt(c, e.Id, tx) is not null ? now : old.ChangedAt;
                AgendaStore.UpdateSession(c, tx, id.Value, title, @abstract, input.Format!, input.Language!, start, end, input.RoomId, input.IsPublic, changedAt, now);
                sessionId = id.Value;
            }
            AgendaStore.SetSessionSpeakers(c, tx, sessionId, input.SpeakerIds);
            return (sessionId, errors);
        }, ct);
    }

    public Task<bool> DeleteSessionAsync(long id, CancellationToken ct = default)
    {
        var e = events.Current();
        return db.WriteAsync((c, tx) => AgendaStore.DeleteSession(c, tx, e.Id, id) > 0, ct);
    }

    public async Task<Dictionary<string, string[]>> SaveRoomAsync(long? id, RoomInput input, CancellationToken ct = default)
    {
        var errors = AgendaRules.Validate(input, out var seats);
        if (errors.Count > 0) return errors;
        var e = events.Current();
        var name = TextRules.Clean(input.Name);
        var notes = TextRules.Clean(input.Accessibility);
        await db.WriteAsync((c, tx) =>
        {
            if (id is null) AgendaStore.InsertRoom(c, tx, e.Id, name, seats, notes);
            else if (AgendaStore.UpdateRoom(c, tx, e.Id, id.Value, name, seats, notes) == 0) errors["room"] = ["not_found_text"];
        }, ct);
        return errors;
    }

    /// <summary>
    /// Deletes a room that no session uses. A room still holding sessions is kept, and the number of its sessions
    /// returned: moving them is the organiser's decision, not something to do silently to a published agenda.
    /// </summary>
    public Task<(bool Found, long SessionsInRoom)> DeleteRoomAsync(long id, CancellationToken ct = default)
    {
        var e = events.Current();
        return db.WriteAsync((c, tx) =>
        {
            var sessions = AgendaStore.SessionsInRoom(c, tx, id);
            if (sessions > 0) return (true, sessions);
            return (AgendaStore.DeleteRoom(c, tx, e.Id, id) == 1, 0L);
        }, ct);
    }

    /// <summary>Removes a speaker: their sign-in links stop working and their sessions go on without them.</summary>
    public Task<bool> DeleteSpeakerAsync(long id, CancellationToken ct = default)
    {
        var e = events.Current();
        return db.WriteAsync((c, tx) => AgendaStore.DeleteSpeaker(c, tx, e.Id, id, clock.GetUtcNow()), ct);
    }

    /// <summary>Publishes the agenda, unless a conflict stands.</summary>
    public async Task<PublishOutcome> PublishAsync(CancellationToken ct = default)
    {
        var conflicts = Conflicts(Load());
        if (conflicts.Count > 0) return new PublishOutcome.Refused(conflicts);
        var e = events.Current();
        var now = clock.GetUtcNow();
        await db.WriteAsync((c, tx) => AgendaStore.SetPublishedAt(c, tx, e.Id, now), ct);
        return new PublishOutcome.Published(now);
    }

    public Task UnpublishAsync(CancellationToken ct = default)
    {
        var e = events.Current();
        return db.WriteAsync((c, tx) => AgendaStore.SetPublishedAt(c, tx, e.Id, null), ct);
    }

    /// <summary>A speaker changes the text of one of their own sessions. False when it is not theirs (or does not exist).</summary>
    public async Task<(bool Found, Dictionary<string, string[]> Errors)> SaveOwnSessionAsync(
        long speakerId, long sessionId, SpeakerSessionInput input, CancellationToken ct = default)
    {
        var errors = AgendaRules.Validate(input);
        var now = clock.GetUtcNow();
        var title = TextRules.Clean(input.Title);
        return await db.WriteAsync<(bool, Dictionary<string, string[]>)>((c, tx) =>
        {
            if (AgendaStore.SessionById(c, sessionId, tx) is not { } old || !AgendaStore.IsSpeakerOf(c, sessionId, speakerId, tx)) return (false, errors);
            if (errors.Count > 0) return (true, errors);
            var changedAt = old.Title != title && AgendaStore.PublishedAt(c, old.EventId, tx) is not null ? now : old.ChangedAt;
            AgendaStore.UpdateSessionText(c, tx, sessionId, speakerId, title, TextRules.Clean(input.Abstract), input.Language!,
                TextRules.Clean(input.Equipment), changedAt, now);
            return (true, errors);
        }, ct);
    }

    /// <summary>A speaker changes their own profile: the id comes from their sign-in, never from the form.</summary>
    public async Task<Dictionary<string, string[]>> SaveProfileAsync(long speakerId, ProfileInput input, CancellationToken ct = default)
    {
        var errors = AgendaRules.Validate(input);
        if (errors.Count > 0) return errors;
        var now = clock.GetUtcNow();
        var link = TextRules.Clean(input.WebLink);
        await db.WriteAsync((c, tx) => AgendaStore.UpdateProfile(c, tx, speakerId, TextRules.Clean(input.DisplayName),
            TextRules.Clean(input.Organisation), TextRules.Clean(input.JobTitle), TextRules.Clean(input.Bio),
            link.Length == 0 ? null : link, input.Language, now), ct);
        return errors;
    }

    public Speaker? FindSpeaker(long id)
    {
        using var c = db.OpenRead();
        return AgendaStore.SpeakerById(c, id);
    }
}
