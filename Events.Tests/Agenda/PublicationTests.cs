using Events.Api.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Agenda;

/// <summary>Publication waits until no rule of the schedule is broken (the rules themselves: <see cref="ConflictTests"/>).</summary>
public sealed class PublicationTests : IDisposable
{
    private readonly EventsApp _app = new();

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
        // The event's hours as the service words them, in its time zone (the rules take them as given).
        Assert.Contains("08:30–12:30", refused.Conflicts.First(c => c.Kind == ConflictKind.OutsideEventHours).Describe(Api.Localisation.Texts.French));
    }

    public void Dispose() => _app.Dispose();
}
