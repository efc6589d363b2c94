using Events.Api.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Agenda;

/// <summary>Each rule of a sound schedule, and that publication waits until none is broken.</summary>
public sealed class ConflictTests : IDisposable
{
    private readonly EventsApp _app = new();

    private IReadOnlyList<Conflict> Conflicts() => _app.Agenda().Conflicts(_app.Agenda().Load());

    [Fact]
    public async Task TwoSessionsInOneRoomAtOnceAreAConflictNamingTheRoom()
    {
        var room = await _app.AddRoomAsync("Amphi");
        var a = await _app.AddSessionAsync("Sobriété", "2027-06-26T09:00", "2027-06-26T10:00", room);
        var b = await _app.AddSessionAsync("Accessibilité", "2027-06-26T09:30", "2027-06-26T10:30", room);

        var conflict = Assert.Single(Conflicts());
        Assert.Equal(ConflictKind.RoomDoubleBooked, conflict.Kind);
        Assert.Equal([a, b], conflict.SessionIds);
        Assert.Equal("« Sobriété » et « Accessibilité » ont lieu en même temps dans la salle Amphi.", conflict.Describe(Api.Localisation.Texts.French));
    }

    [Fact]
    public async Task BackToBackSessionsInOneRoomAreNotAConflict()
    {
        var room = await _app.AddRoomAsync("Amphi");
        await _app.AddSessionAsync("Un", "2027-06-26T09:00", "2027-06-26T10:00", room);
        await _app.AddSessionAsync("Deux", "2027-06-26T10:00", "2027-06-26T11:00", room);
        Assert.Empty(Conflicts());
    }

    [Fact]
    public async Task ASpeakerInTwoPlacesAtOnceIsAConflictNamingTheSpeaker()
    {
        var speaker = await _app.InviteAsync("Grace Hopper", "grace@example.org");
        await _app.AddSessionAsync("Compilateurs", "2027-06-26T09:00", "2027-06-26T10:00", await _app.AddRoomAsync("A"), [speaker]);
        await _app.AddSessionAsync("COBOL", "2027-06-26T09:45", "2027-06-26T10:15", await _app.AddRoomAsync("B"), [speaker]);

        var conflict = Assert.Single(Conflicts());
        Assert.Equal(ConflictKind.SpeakerDoubleBooked, conflict.Kind);
        Assert.Contains("Grace Hopper", conflict.Describe(Api.Localisation.Texts.English));
    }

    [Theory]
    [InlineData("2027-06-26T08:00", "2027-06-26T09:00")]  // starts before the doors open (08:30)
    [InlineData("2027-06-26T12:00", "2027-06-26T13:00")]  // ends after the event (12:30)
    [InlineData("2027-06-27T09:00", "2027-06-27T10:00")]  // another day
    public async Task ASessionOutsideTheEventsHoursIsAConflict(string start, string end)
    {
        await _app.AddSessionAsync("Hors horaires", start, end, null);
        var conflict = Assert.Single(Conflicts());
        Assert.Equal(ConflictKind.OutsideEventHours, conflict.Kind);
        Assert.Contains("08:30–12:30", conflict.Describe(Api.Localisation.Texts.French));
    }

    [Fact]
    public async Task ASessionEndingBeforeItStartsIsAConflict()
    {
        await _app.AddSessionAsync("À l'envers", "2027-06-26T10:00", "2027-06-26T09:30", null);
        Assert.Equal(ConflictKind.EndsBeforeStart, Assert.Single(Conflicts()).Kind);
    }

    [Fact]
    public async Task HiddenSessionsStillTakeTheirRoom()
    {
        var room = await _app.AddRoomAsync("Amphi");
        await _app.AddSessionAsync("Public", "2027-06-26T09:00", "2027-06-26T10:00", room);
        await _app.AddSessionAsync("Masquée", "2027-06-26T09:00", "2027-06-26T10:00", room, isPublic: false);
        Assert.Equal(ConflictKind.RoomDoubleBooked, Assert.Single(Conflicts()).Kind);
    }

    [Fact]
    public async Task AConflictingScheduleIsSavedButPublicationIsRefusedUntilItIsResolved()
    {
        var room = await _app.AddRoomAsync("Amphi");
        await _app.AddSessionAsync("Un", "2027-06-26T09:00", "2027-06-26T10:00", room);
        var b = await _app.AddSessionAsync("Deux", "2027-06-26T09:30", "2027-06-26T10:30", room);
        Assert.Equal(2, _app.Agenda().Load().Sessions.Count);

        var refused = Assert.IsType<PublishOutcome.Refused>(await _app.Agenda().PublishAsync());
        Assert.Single(refused.Conflicts);
        Assert.False(_app.Agenda().Load().Published);

        await _app.AddSessionAsync("Deux", "2027-06-26T10:00", "2027-06-26T11:00", room, id: b);
        await _app.PublishAsync();
        Assert.True(_app.Agenda().Load().Published);
    }

    [Fact]
    public async Task EveryRuleBlocksPublication()
    {
        var speaker = await _app.InviteAsync("Ada", "ada@example.org");
        var room = await _app.AddRoomAsync("Amphi");
        await _app.AddSessionAsync("Salle", "2027-06-26T09:00", "2027-06-26T10:00", room);
        await _app.AddSessionAsync("Salle bis", "2027-06-26T09:00", "2027-06-26T10:00", room);
        await _app.AddSessionAsync("Oratrice", "2027-06-26T11:00", "2027-06-26T12:00", null, [speaker]);
        await _app.AddSessionAsync("Oratrice bis", "2027-06-26T11:00", "2027-06-26T12:00", null, [speaker]);
        await _app.AddSessionAsync("Tard", "2027-06-26T12:00", "2027-06-26T13:00", null);
        await _app.AddSessionAsync("Envers", "2027-06-26T11:00", "2027-06-26T10:00", null);

        var refused = Assert.IsType<PublishOutcome.Refused>(await _app.Agenda().PublishAsync());
        Assert.Equal(Enum.GetValues<ConflictKind>().Order(), refused.Conflicts.Select(c => c.Kind).Distinct().Order());
    }

    public void Dispose() => _app.Dispose();
}
