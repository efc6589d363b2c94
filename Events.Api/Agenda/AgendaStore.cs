using System.Data;
using Dapper;
using Events.Api.Security;

namespace Events.Api.Agenda;

/// <summary>The SQL of rooms, sessions, speakers and publication. Column lists follow the records' constructor order.</summary>
public static class AgendaStore
{
    private const string RoomColumns = "id, event_id, name, seats, accessibility";
    private const string SpeakerColumns = "id, event_id, email, display_name, organisation, job_title, bio, web_link, language, created_at, updated_at";
    private const string SessionColumns = """
        id, event_id, uid, title, abstract, format, language, starts_at, ends_at, room_id, equipment, is_public,
        changed_at, created_at, updated_at
        """;

    public static DateTimeOffset? PublishedAt(IDbConnection c, long eventId, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<DateTimeOffset?>("SELECT published_at FROM agenda_publications WHERE event_id = @eventId", new { eventId }, tx);

    public static void SetPublishedAt(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset? at) =>
        c.Execute(at is null
            ? "DELETE FROM agenda_publications WHERE event_id = @eventId"
            : "INSERT INTO agenda_publications (event_id, published_at) VALUES (@eventId, @at) ON CONFLICT (event_id) DO UPDATE SET published_at = @at",
            new { at, eventId }, tx);

    public static List<Room> Rooms(IDbConnection c, long eventId, IDbTransaction? tx = null) =>
        c.Query<Room>($"SELECT {RoomColumns} FROM rooms WHERE event_id = @eventId ORDER BY name, id", new { eventId }, tx).ToList();

    public static List<Speaker> Speakers(IDbConnection c, long eventId, IDbTransaction? tx = null) =>
        c.Query<Speaker>($"SELECT {SpeakerColumns} FROM speakers WHERE event_id = @eventId ORDER BY display_name, id", new { eventId }, tx).ToList();

    public static List<Session> Sessions(IDbConnection c, long eventId, IDbTransaction? tx = null) =>
        c.Query<Session>($"SELECT {SessionColumns} FROM sessions WHERE event_id = @eventId ORDER BY starts_at, title, id", new { eventId }, tx).ToList();

    public static List<(long SessionId, long SpeakerId)> SessionSpeakers(IDbConnection c, long eventId, IDbTransaction? tx = null) =>
        c.Query<(long, long)>("""
            SELECT ss.session_id, ss.speaker_id FROM session_speakers ss JOIN sessions s ON s.id = ss.session_id
            WHERE s.event_id = @eventId
            """, new { eventId }, tx).ToList();

    public static Session? SessionById(IDbConnection c, long id, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Session>($"SELECT {SessionColumns} FROM sessions WHERE id = @id", new { id }, tx);

    public static Speaker? SpeakerById(IDbConnection c, long id, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Speaker>($"SELECT {SpeakerColumns} FROM speakers WHERE id = @id", new { id }, tx);

    public static Speaker? SpeakerByEmail(IDbConnection c, long eventId, string email, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Speaker>($"SELECT {SpeakerColumns} FROM speakers WHERE event_id = @eventId AND email_key = @key",
            new { eventId, key = EmailAddress.Key(email) }, tx);

    public static bool IsSpeakerOf(IDbConnection c, long sessionId, long speakerId, IDbTransaction? tx = null) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM session_speakers WHERE session_id = @sessionId AND speaker_id = @speakerId",
            new { sessionId, speakerId }, tx) > 0;

    public static long InsertRoom(IDbConnection c, IDbTransaction tx, long eventId, string name, long seats, string accessibility) =>
        c.QuerySingle<long>("INSERT INTO rooms (event_id, name, seats, accessibility) VALUES (@eventId, @name, @seats, @accessibility) RETURNING id",
            new { eventId, name, seats, accessibility }, tx);

    public static int UpdateRoom(IDbConnection c, IDbTransaction tx, long eventId, long id, string name, long seats, string accessibility) =>
        c.Execute("UPDATE rooms SET name = @name, seats = @seats, accessibility = @accessibility WHERE id = @id AND event_id = @eventId",
            new { id, eventId, name, seats, accessibility }, tx);

    public static long SessionsInRoom(IDbConnection c, IDbTransaction tx, long id) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM sessions WHERE room_id = @id", new { id }, tx);

    public static int DeleteRoom(IDbConnection c, IDbTransaction tx, long eventId, long id) =>
        c.Execute("DELETE FROM rooms WHERE id = @id AND event_id = @eventId", new { id, eventId }, tx);

    /// <summary>Deletes a speaker with their links and places in sessions; after publication, those sessions show as updated.</summary>
    public static bool DeleteSpeaker(IDbConnection c, IDbTransaction tx, long eventId, long id, DateTimeOffset now)
    {
        if (PublishedAt(c, eventId, tx) is not null)
            c.Execute("""
                UPDATE sessions SET changed_at = @now, updated_at = @now
                WHERE id IN (SELECT session_id FROM session_speakers WHERE speaker_id = @id)
                """, new { id, now }, tx);
        return c.Execute("DELETE FROM speakers WHERE id = @id AND event_id = @eventId", new { id, eventId }, tx) == 1; // links cascade
    }

    public static long InsertSpeaker(IDbConnection c, IDbTransaction tx, long eventId, string email, string name, string language, DateTimeOffset now) =>
        c.QuerySingle<long>("""
            INSERT INTO speakers (event_id, email, email_key, display_name, language, created_at, updated_at)
            VALUES (@eventId, @email, @key, @name, @language, @now, @now) RETURNING id
            """, new { eventId, email = email.Trim(), key = EmailAddress.Key(email), name, language, now }, tx);

    public static int UpdateProfile(IDbConnection c, IDbTransaction tx, long speakerId, string displayName, string organisation,
        string jobTitle, string bio, string? webLink, string? language, DateTimeOffset now) =>
        c.Execute("""
            UPDATE speakers SET display_name = @displayName, organisation = @organisation, job_title = @jobTitle, bio = @bio,
                                web_link = @webLink, language = COALESCE(@language, language), updated_at = @now
            WHERE id = @speakerId
            """, new { speakerId, displayName, organisation, jobTitle, bio, webLink, language, now }, tx);

    public static long InsertSession(IDbConnection c, IDbTransaction tx, long eventId, string title, string @abstract, string format,
        string language, DateTimeOffset startsAt, DateTimeOffset endsAt, long? roomId, bool isPublic, DateTimeOffset now) =>
        c.QuerySingle<long>("""
            INSERT INTO sessions (event_id, uid, title, abstract, format, language, starts_at, ends_at, room_id, is_public, created_at, updated_at)
            VALUES (@eventId, @uid, @title, @abstract, @format, @language, @startsAt, @endsAt, @roomId, @isPublic, @now, @now) RETURNING id
            """, new { eventId, uid = $"{Guid.NewGuid():N}@events", title, @abstract, format, language,
                       startsAt = startsAt.ToUniversalTime(), endsAt = endsAt.ToUniversalTime(), roomId, isPublic = isPublic ? 1 : 0, now }, tx);

    public static void UpdateSession(IDbConnection c, IDbTransaction tx, long id, string title, string @abstract, string format,
        string language, DateTimeOffset startsAt, DateTimeOffset endsAt, long? roomId, bool isPublic, DateTimeOffset? changedAt, DateTimeOffset now) =>
        c.Execute("""
            UPDATE sessions SET title = @title, abstract = @abstract, format = @format, language = @language, starts_at = @startsAt,
                                ends_at = @endsAt, room_id = @roomId, is_public = @isPublic, changed_at = @changedAt, updated_at = @now
            WHERE id = @id
            """, new { id, title, @abstract, format, language, startsAt = startsAt.ToUniversalTime(), endsAt = endsAt.ToUniversalTime(),
                       roomId, isPublic = isPublic ? 1 : 0, changedAt, now }, tx);

    /// <summary>A speaker's change: text fields only, and only on a session they speak in (checked in the WHERE too).</summary>
    public static int UpdateSessionText(IDbConnection c, IDbTransaction tx, long id, long speakerId, string title, string @abstract,
        string language, string equipment, DateTimeOffset? changedAt, DateTimeOffset now) =>
        c.Execute("""
            UPDATE sessions SET title = @title, abstract = @abstract, language = @language, equipment = @equipment,
                                changed_at = @changedAt, updated_at = @now
            WHERE id = @id AND EXISTS (SELECT 1 FROM session_speakers WHERE session_id = @id AND speaker_id = @speakerId)
            """, new { id, speakerId, title, @abstract, language, equipment, changedAt, now }, tx);

    public static void SetSessionSpeakers(IDbConnection c, IDbTransaction tx, long sessionId, IEnumerable<long> speakerIds)
    {
        c.Execute("DELETE FROM session_speakers WHERE session_id = @sessionId", new { sessionId }, tx);
        foreach (var speakerId in speakerIds.Distinct())
            c.Execute("INSERT INTO session_speakers (session_id, speaker_id) VALUES (@sessionId, @speakerId)", new { sessionId, speakerId }, tx);
    }

    public static int DeleteSession(IDbConnection c, IDbTransaction tx, long eventId, long id) =>
        c.Execute("DELETE FROM sessions WHERE id = @id AND event_id = @eventId", new { id, eventId }, tx);

    /// <summary>Retention: the speakers' addresses and their links go; names and bios stay with the published agenda.</summary>
    public static int EraseSpeakerAddresses(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset now)
    {
        c.Execute("DELETE FROM speaker_links WHERE speaker_id IN (SELECT id FROM speakers WHERE event_id = @eventId)", new { eventId }, tx);
        return c.Execute("""
            UPDATE speakers SET email = '', email_key = 'erased-' || id, updated_at = @now
            WHERE event_id = @eventId AND email <> ''
            """, new { eventId, now }, tx);
    }

    /// <summary>
    /// Next year's edition: the rooms, and the sessions moved by <paramref name="shift"/>, hidden from the public and
    /// without speakers (who are invited again), as a draft to edit. Returns how many sessions were copied.
    /// </summary>
    public static int CopyToEdition(IDbConnection c, IDbTransaction tx, long fromEventId, long toEventId, TimeSpan shift, DateTimeOffset now)
    {
        var rooms = new Dictionary<long, long>();
        foreach (var room in Rooms(c, fromEventId, tx))
            rooms[room.Id] = c.QuerySingle<long>(
                "INSERT INTO rooms (event_id, name, seats, accessibility) VALUES (@toEventId, @Name, @Seats, @Accessibility) RETURNING id",
                new { toEventId, room.Name, room.Seats, room.Accessibility }, tx);
        var sessions = Sessions(c, fromEventId, tx);
        foreach (var s in sessions)
            InsertSession(c, tx, toEventId, s.Title, s.Abstract, s.Format, s.Language, s.StartsAt + shift, s.EndsAt + shift,
                s.RoomId is { } room ? rooms[room] : null, isPublic: false, now);
        return sessions.Count;
    }
}
