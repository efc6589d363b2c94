using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.CheckIn;

public sealed class WalkInTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" });

    private static Dictionary<string, string> Person(string email) => new()
    {
        ["firstName"] = "Hedy", ["lastName"] = "Lamarr", ["email"] = email, ["organisation"] = "", ["consent"] = "true",
    };

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
