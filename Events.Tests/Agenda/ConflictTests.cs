using Events.Api.Agenda;
using Events.Api.Localisation;

namespace Events.Tests.Agenda;

/// <summary>Each rule of a sound schedule, on sessions built in memory: <see cref="ScheduleConflicts"/> needs no app.</summary>
public sealed class ConflictTests
{
    // The tests' event: 26 June 2027, 08:30–12:30 in Paris (summer time, UTC+2).
    private static readonly TimeSpan Paris = TimeSpan.FromHours(2);
    private static readonly DateTimeOffset EventStart = Local("2027-06-26T08:30");
    private static readonly DateTimeOffset EventEnd = Local("2027-06-26T12:30");
    private const string EventHours = "08:30–12:30";

    private readonly List<SessionView> _sessions = [];

    private static DateTimeOffset Local(string time) => new(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), Paris);

    private static Room Room(long id, string name) => new(id, 1, name, 100, "Accès de plain-pied");

    private static Speaker Speaker(long id, string name) =>
        new(id, 1, $"speaker{id}@example.org", name, "", "", "", null, "fr", EventStart, EventStart);

    /// <summary>Adds a session at local (Paris) times such as "2027-06-26T09:00"; returns its id.</summary>
    private long Add(string title, string start, string end, Room? room, Speaker[]? speakers = null, bool isPublic = true)
    {
        var id = _sessions.Count + 1L;
        var session = new Session(id, 1, $"uid-{id}", title, "Un résumé.", SessionFormat.Talk, "fr", Local(start), Local(end),
            room?.Id, "", isPublic ? 1 : 0, null, EventStart, EventStart);
        _sessions.Add(new SessionView(session, room, speakers ?? []));
        return id;
    }

    private IReadOnlyList<Conflict> Conflicts() => ScheduleConflicts.Find(_sessions, EventStart, EventEnd, EventHours);

    [Fact]
    public void TwoSessionsInOneRoomAtOnceAreAConflictNamingTheRoom()
    {
        var room = Room(1, "Amphi");
        var a = Add("Sobriété", "2027-06-26T09:00", "2027-06-26T10:00", room);
        var b = Add("Accessibilité", "2027-06-26T09:30", "2027-06-26T10:30", room);

        var conflict = Assert.Single(Conflicts());
        Assert.Equal(ConflictKind.RoomDoubleBooked, conflict.Kind);
        Assert.Equal([a, b], conflict.SessionIds);
        Assert.Equal("«\u202FSobriété\u202F» et «\u202FAccessibilité\u202F» ont lieu en même temps dans la salle Amphi.", conflict.Describe(Texts.French));
    }

    [Fact]
    public void BackToBackSessionsInOneRoomAreNotAConflict()
    {
        var room = Room(1, "Amphi");
        Add("Un", "2027-06-26T09:00", "2027-06-26T10:00", room);
        Add("Deux", "2027-06-26T10:00", "2027-06-26T11:00", room);
        Assert.Empty(Conflicts());
    }

    [Fact]
    public void ASpeakerInTwoPlacesAtOnceIsAConflictNamingTheSpeaker()
    {
        var speaker = Speaker(1, "Grace Hopper");
        Add("Compilateurs", "2027-06-26T09:00", "2027-06-26T10:00", Room(1, "A"), [speaker]);
        Add("COBOL", "2027-06-26T09:45", "2027-06-26T10:15", Room(2, "B"), [speaker]);

        var conflict = Assert.Single(Conflicts());
        Assert.Equal(ConflictKind.SpeakerDoubleBooked, conflict.Kind);
        Assert.Contains("Grace Hopper", conflict.Describe(Texts.English));
    }

    [Theory]
    [InlineData("2027-06-26T08:00", "2027-06-26T09:00")]  // starts before the doors open (08:30)
    [InlineData("2027-06-26T12:00", "2027-06-26T13:00")]  // ends after the event (12:30)
    [InlineData("2027-06-27T09:00", "2027-06-27T10:00")]  // another day
    public void ASessionOutsideTheEventsHoursIsAConflict(string start, string end)
    {
        Add("Hors horaires", start, end, null);
        var conflict = Assert.Single(Conflicts());
        Assert.Equal(ConflictKind.OutsideEventHours, conflict.Kind);
        Assert.Contains("08:30–12:30", conflict.Describe(Texts.French));
    }

    [Fact]
    public void ASessionEndingBeforeItStartsIsAConflict()
    {
        Add("À l'envers", "2027-06-26T10:00", "2027-06-26T09:30", null);
        Assert.Equal(ConflictKind.EndsBeforeStart, Assert.Single(Conflicts()).Kind);
    }

    [Fact]
    public void HiddenSessionsStillTakeTheirRoom()
    {
        var room = Room(1, "Amphi");
        Add("Public", "2027-06-26T09:00", "2027-06-26T10:00", room);
        Add("Masquée", "2027-06-26T09:00", "2027-06-26T10:00", room, isPublic: false);
        Assert.Equal(ConflictKind.RoomDoubleBooked, Assert.Single(Conflicts()).Kind);
    }
}
