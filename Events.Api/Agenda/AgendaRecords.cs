namespace Events.Api.Agenda;

/// <summary>The formats a session can have; stored as these words.</summary>
public static class SessionFormat
{
    public const string Keynote = "keynote";
    public const string Talk = "talk";
    public const string RoundTable = "round_table";
    public const string Workshop = "workshop";

    public static readonly string[] All = [Keynote, Talk, RoundTable, Workshop];

    public static bool IsKnown(string? format) => format is not null && All.Contains(format);
}

public sealed record Room(long Id, long EventId, string Name, long Seats, string Accessibility);

public sealed record Speaker(
    long Id, long EventId, string Email, string DisplayName, string Organisation, string JobTitle, string Bio,
    string? WebLink, string Language, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>What the public pages need of a speaker beyond a name: a biography, and where they work or what they do.</summary>
    public bool ProfileComplete => Bio.Length > 0 && (Organisation.Length > 0 || JobTitle.Length > 0);
}

/// <summary>Where a speaker stands with their links: the latest sent, their first sign-in, until when an unused one works.</summary>
public sealed record SpeakerLinkStatus(long SpeakerId, DateTimeOffset? LastSentAt, DateTimeOffset? FirstSignInAt, DateTimeOffset? LinkValidUntil);

/// <summary>A session as stored; times are instants (UTC in the database), shown in the event's time zone.</summary>
public sealed record Session(
    long Id, long EventId, string Uid, string Title, string Abstract, string Format, string Language,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, long? RoomId, string Equipment, long IsPublic,
    DateTimeOffset? ChangedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public bool Public => IsPublic == 1;
}

/// <summary>A session with its room and speakers.</summary>
public sealed record SessionView(Session Session, Room? Room, IReadOnlyList<Speaker> Speakers)
{
    public long Id => Session.Id;
    public bool HasSpeaker(long speakerId) => Speakers.Any(s => s.Id == speakerId);
}

/// <summary>Everything of one event's agenda, read in one go (a few dozen rows).</summary>
public sealed record AgendaData(
    Registration.EventInfo Event, DateTimeOffset? PublishedAt, IReadOnlyList<Room> Rooms, IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<SessionView> Sessions)
{
    public bool Published => PublishedAt is not null;

    /// <summary>What the public sees: public sessions in time order, only once published.</summary>
    public IReadOnlyList<SessionView> PublicSessions => Published ? Sessions.Where(s => s.Session.Public).ToList() : [];

    public SessionView? Find(long sessionId) => Sessions.FirstOrDefault(s => s.Id == sessionId);
}

/// <summary>What an organiser submits for a session; times are local to the event ("2027-06-26T09:00").</summary>
public sealed record SessionInput(
    string? Title, string? Abstract, string? Format, string? Language, string? Start, string? End, long? RoomId,
    IReadOnlyList<long> SpeakerIds, bool IsPublic);

/// <summary>What a speaker may change in their own session: not its time, room or speakers.</summary>
public sealed record SpeakerSessionInput(string? Title, string? Abstract, string? Language, string? Equipment);

public sealed record RoomInput(string? Name, string? Seats, string? Accessibility);

/// <summary>A speaker's profile as typed; <see cref="Language"/> is theirs: their biography's, and their e-mails'.</summary>
public sealed record ProfileInput(string? DisplayName, string? Organisation, string? JobTitle, string? Bio, string? WebLink, string? Language = null);

/// <summary>The outcome of publishing the agenda.</summary>
public abstract record PublishOutcome
{
    public sealed record Published(DateTimeOffset At) : PublishOutcome;
    /// <summary>Refused while any conflict stands.</summary>
    public sealed record Refused(IReadOnlyList<Conflict> Conflicts) : PublishOutcome;
}
