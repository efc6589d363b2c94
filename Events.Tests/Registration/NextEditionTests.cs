using Dapper;
using Events.Api.Registration;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>
/// Next year's edition: prepared as upcoming from this one's settings, its own dates and the agenda as a draft if asked;
/// made current in a second step (a typed year while this one runs), switched back while nobody has registered.
/// </summary>
public sealed class NextEditionTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task ANewEditionTakesTheSettingsItsOwnDatesAndBecomesCurrentInASecondStep()
    {
        var room = await _app.AddRoomAsync("Amphi");
        var grace = await _app.InviteAsync("Grace Hopper", "grace@example.org");
        await _app.AddSessionAsync("Sobriété numérique", "2027-06-26T09:00", "2027-06-26T10:00", room, [grace]);
        var last = _app.Services.GetRequiredService<Editions>().Current();
        await _app.RegisterAsync("ada@example.org");

        var (id, errors) = await _app.Services.GetRequiredService<NextEditions>().CreateAsync("2028-06-24T08:30", "2028-06-24T12:30", copyAgenda: true);

        Assert.Empty(errors);
        Assert.Equal(last.Id, _app.Services.GetRequiredService<Editions>().Current().Id); // upcoming: nothing changed yet
        Assert.Equal(id, Next.Upcoming()!.Id);
        Assert.Equal("edition_confirm_mismatch", await Next.MakeCurrentAsync(id!.Value, "2027")); // the event has not ended
        Assert.Null(await Next.MakeCurrentAsync(id.Value, "2028"));
        var next = _app.Services.GetRequiredService<Editions>().Current();
        Assert.Equal(id, next.Id);
        Assert.Null(Next.Upcoming());
        Assert.Equal((last.Title, last.Venue, last.Capacity, last.TimeZone), (next.Title, next.Venue, next.Capacity, next.TimeZone));
        Assert.Equal(new DateTimeOffset(2028, 6, 24, 8, 30, 0, TimeSpan.FromHours(2)), next.StartsAt);
        Assert.Equal((0L, 0L), (next.Confirmed, next.Waitlisted));
        Assert.Equal(last.RegistrationClosesAt - last.StartsAt, next.RegistrationClosesAt - next.StartsAt);
        var draft = _app.Agenda().Load();
        var session = Assert.Single(draft.Sessions);
        Assert.Equal("Sobriété numérique", session.Session.Title);
        Assert.Equal(new DateTimeOffset(2028, 6, 24, 9, 0, 0, TimeSpan.FromHours(2)), session.Session.StartsAt); // moved with the event
        Assert.Equal(0, session.Session.IsPublic); // a hidden draft
        Assert.False(session.HasSpeaker(grace)); // speakers are invited again
        Assert.Equal(["Amphi"], draft.Rooms.Select(r => r.Name));
        using var c = _app.Db.OpenRead();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE event_id = @Id", last)); // last year's stay
    }

    [Theory]
    [InlineData("2027-06-26T10:00", "2027-06-26T12:00", "startsAt")] // before the current edition ends
    [InlineData("2028-06-24T12:30", "2028-06-24T08:30", "endsAt")]
    [InlineData("24/06/2028", "2028-06-24T12:30", "startsAt")]
    [InlineData("", "", "startsAt")]
    public async Task DatesThatCannotBeAnEditionAreRefusedAndNothingIsCreated(string startsAt, string endsAt, string field)
    {
        var before = _app.Services.GetRequiredService<Editions>().Current().Id;
        var (id, errors) = await _app.Services.GetRequiredService<NextEditions>().CreateAsync(startsAt, endsAt, copyAgenda: false);
        Assert.Null(id);
        Assert.Contains(field, errors.Keys);
        Assert.Equal(before, _app.Services.GetRequiredService<Editions>().Current().Id);
    }

    [Fact]
    public async Task EightConcurrentPostsOfTheSameEditionPrepareOne()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Next.CreateAsync("2028-06-24T08:30", "2028-06-24T12:30", copyAgenda: true))));

        Assert.Single(results, r => r.Id is not null);
        Assert.All(results.Where(r => r.Id is null), r => Assert.Equal(["edition_upcoming_exists"], r.Errors["startsAt"]));
        using var c = _app.Db.OpenRead();
        Assert.Equal(2L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public async Task AnEditionCanBeSwitchedBackUntilSomeoneRegistersForIt()
    {
        var first = _app.Services.GetRequiredService<Editions>().Current();
        var (id, _) = await Next.CreateAsync("2028-06-24T08:30", "2028-06-24T12:30", copyAgenda: false);
        Assert.Null(Next.SwitchBackTarget()); // nothing to switch back from while the new one is only upcoming
        Assert.Null(await Next.MakeCurrentAsync(id!.Value, "2028"));

        Assert.Equal(first.Id, Next.SwitchBackTarget()!.Id);
        Assert.Null(await Next.SwitchBackAsync(id.Value));
        Assert.Equal(first.Id, _app.Services.GetRequiredService<Editions>().Current().Id);
        Assert.Equal(id, Next.Upcoming()!.Id); // upcoming again, ready for later
        Assert.Equal("edition_not_current", await Next.SwitchBackAsync(id.Value)); // a second tab's click

        Assert.Null(await Next.MakeCurrentAsync(id.Value, "2028"));
        await _app.RegisterAsync("ada@example.org");
        Assert.Null(Next.SwitchBackTarget());
        Assert.Equal("edition_has_registrations", await Next.SwitchBackAsync(id.Value));
        Assert.Equal(id, _app.Services.GetRequiredService<Editions>().Current().Id);
    }

    [Fact]
    public async Task AfterTheEventHasEndedTheSwitchNeedsNoTypedYear()
    {
        var clock = new ManualClock(new DateTimeOffset(2027, 7, 1, 9, 0, 0, TimeSpan.Zero));
        using var app = new EventsApp(new() { ["Events:Mail:PollSeconds"] = "0" }, clock);
        var next = app.Services.GetRequiredService<NextEditions>();
        var (id, _) = await next.CreateAsync("2028-06-24T08:30", "2028-06-24T12:30", copyAgenda: false);
        Assert.False(next.NeedsConfirmation());
        Assert.Null(await next.MakeCurrentAsync(id!.Value, null));
        Assert.Equal(id, app.Services.GetRequiredService<Editions>().Current().Id);
    }

    private NextEditions Next => _app.Services.GetRequiredService<NextEditions>();

    public void Dispose() => _app.Dispose();
}
