using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.CheckIn;

/// <summary>Walk-ins at the door: registered until the event ends whatever the online window, checked in at once.</summary>
public sealed class WalkInTests : IDisposable
{
    private static readonly TimeSpan Paris = TimeSpan.FromHours(2); // June
    /// <summary>The day of the event (26 June 2027, 08:30–12:30), after online registration closed the evening before.</summary>
    private static readonly DateTimeOffset OnTheDay = new(2027, 6, 26, 10, 0, 0, Paris);

    private readonly ManualClock _clock = new(OnTheDay);
    private readonly EventsApp _app;

    public WalkInTests() => _app = new(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" }, _clock);

    private static Dictionary<string, string> Person(string email) => new()
    {
        ["firstName"] = "Hedy", ["lastName"] = "Lamarr", ["email"] = email, ["organisation"] = "", ["consent"] = "true",
    };

    private static async Task<IHtmlDocument> WalkInAsync(HttpClient door, Dictionary<string, string> values)
    {
        var page = await door.GetPageAsync("/door/walk-in");
        return await Forms.ParseAsync(await door.SubmitAsync(page.FormWith("email"), values, "/door/walk-in"));
    }

    [Fact]
    public async Task DoorStaffRegisterAWalkInWhoIsCheckedInAtOnceAndGetsATicket()
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        var page = await door.GetPageAsync("/door/walk-in");
        var response = await door.SubmitAsync(page.FormWith("email"), Person("hedy@example.org"), "/door/walk-in");
        var result = await Forms.ParseAsync(response);

        Assert.Contains("Hedy Lamarr", result.QuerySelector(".verdict-ok")!.TextContent);
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'confirmed'"));
    }

    [Fact]
    public async Task WhenTheEventIsFullAWalkInIsNotLetIn()
    {
        await _app.RegisterAsync("first@example.org");
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/door/walk-in");
        var result = await Forms.ParseAsync(await admin.SubmitAsync(page.FormWith("email"), Person("late@example.org"), "/door/walk-in"));

        Assert.Contains("Complet", result.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(result.QuerySelector(".verdict-ok"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
    }

    [Fact]
    public async Task AWalkInOnTheDayIsRegisteredAfterOnlineRegistrationHasClosed()
    {
        using var app = new EventsApp(new() { ["Events:Event:RegistrationClosesAt"] = "2027-06-25T18:00:00+02:00" }, _clock);
        using var admin = await app.SignedInClientAsync();
        var online = await admin.PostAsJsonAsync("/api/v1/registrations",
            new { firstName = "Ada", lastName = "Lovelace", email = "ada@example.org", consent = true });
        Assert.Equal(HttpStatusCode.Forbidden, online.StatusCode); // the public rule is unchanged

        var result = await WalkInAsync(admin, Person("hedy@example.org"));

        Assert.Contains("Hedy Lamarr", result.QuerySelector(".verdict-ok")!.TextContent);
        using var c = app.Db.OpenRead();
        Assert.Equal("confirmed", c.ExecuteScalar<string>("SELECT status FROM registrations WHERE email = 'hedy@example.org'"));
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
    }

    [Fact]
    public async Task AWalkInIsRefusedOnceTheEventHasEnded()
    {
        _clock.Now = new DateTimeOffset(2027, 6, 26, 12, 30, 0, Paris);
        using var admin = await _app.SignedInClientAsync();

        var result = await WalkInAsync(admin, Person("hedy@example.org"));

        Assert.Equal("L'événement est terminé\u00A0: plus d'inscription sur place.", result.QuerySelector("[role=alert]")!.TextContent.Trim());
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations"));
    }

    [Fact]
    public async Task AWalkInWithoutConsentIsExplainedNextToTheBox()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/door/walk-in");
        var values = Person("x@example.org");
        values.Remove("consent");
        var result = await Forms.ParseAsync(await admin.SubmitAsync(page.FormWith("email"), values, "/door/walk-in"));
        Assert.NotNull(result.QuerySelector("#consent-error"));
    }

    public void Dispose() => _app.Dispose();
}
