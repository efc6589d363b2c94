using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.CheckIn;

/// <summary>Each outcome of <c>POST /api/v1/checkins</c> over HTTP, with the code a ticket's QR carries.</summary>
public sealed class CheckInApiTests : IDisposable
{
    private readonly EventsApp _app = new();

    public sealed record Person(string FirstName, string LastName, string? Organisation);
    public sealed record Answer(string Outcome, Person? Attendee, DateTimeOffset? CheckedInAt, string? Device);

    private static async Task<Answer> ScanAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/checkins", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Answer>())!;
    }

    [Fact]
    public async Task AConfirmedTicketIsAcceptedWithTheAttendeesName()
    {
        var code = await _app.TicketAsync("Ada", "Lovelace");
        using var door = await _app.SignedInClientAsync();
        var answer = await ScanAsync(door, new { code, device = "Door 1" });
        Assert.Equal("accepted", answer.Outcome);
        Assert.Equal(new Person("Ada", "Lovelace", "Analytical Engines"), answer.Attendee);
        Assert.Equal("Door 1", answer.Device);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(DateTimeOffset.UtcNow), answer.CheckedInAt!.Value.Offset); // the event's own time zone
    }

    [Fact]
    public async Task ASecondScanSaysAlreadyCheckedInWithTheFirstTimeAndDevice()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        var scannedAt = DateTimeOffset.UtcNow.AddMinutes(-3);
        await ScanAsync(door, new { code, device = "Door 2", scannedAt });
        var again = await ScanAsync(door, new { code, device = "Door 1" });
        Assert.Equal("already_checked_in", again.Outcome);
        Assert.Equal("Door 2", again.Device);
        Assert.Equal(scannedAt.ToUnixTimeSeconds(), again.CheckedInAt!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task AnUnknownOrMalformedCodeIsUnknown()
    {
        using var door = await _app.SignedInClientAsync();
        Assert.Equal("unknown", (await ScanAsync(door, new { code = "ABCDEFGHJKLMNPQRSTUVWXYZ2345" })).Outcome);
        Assert.Equal("unknown", (await ScanAsync(door, new { code = "hello world" })).Outcome);
    }

    [Fact]
    public async Task ACancelledRegistrationIsRefused()
    {
        var created = await _app.RegisterAsync();
        using (var holder = _app.Client())
            (await holder.DeleteAsync($"/api/v1/registrations/{created.ManageCode}")).EnsureSuccessStatusCode();
        using var door = await _app.SignedInClientAsync();
        var answer = await ScanAsync(door, new { code = _app.TicketCodeOf(created.ManageCode) });
        Assert.Equal("cancelled", answer.Outcome);
        Assert.Equal("Ada", answer.Attendee!.FirstName);
    }

    [Fact]
    public async Task SomeoneOnTheWaitingListIsNotConfirmed()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "1" });
        await app.RegisterAsync();
        var waiting = await app.RegisterAsync(firstName: "Grace", lastName: "Hopper");
        Assert.Equal("waitlisted", waiting.Status);
        using var door = await app.SignedInClientAsync();
        var answer = await ScanAsync(door, new { code = app.TicketCodeOf(waiting.ManageCode) });
        Assert.Equal("not_confirmed", answer.Outcome);
    }

    [Fact]
    public async Task ATypedCodeWithDashesAndLowerCaseOrATicketLinkIsAccepted()
    {
        var code = await _app.TicketAsync();
        var typed = string.Join('-', code.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        using var door = await _app.SignedInClientAsync();
        Assert.Equal("accepted", (await ScanAsync(door, new { code = typed })).Outcome);
        var other = await _app.TicketAsync("Grace", "Hopper");
        Assert.Equal("accepted", (await ScanAsync(door, new { code = $"http://localhost:5000/ticket/{other}" })).Outcome);
    }

    [Fact]
    public async Task ARetriedRequestWithTheSameNonceGetsTheSameAnswerAndNoSecondCheckIn()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        var nonce = Guid.NewGuid().ToString();
        var first = await ScanAsync(door, new { code, nonce, device = "Door 1" });
        var retry = await ScanAsync(door, new { code, nonce, device = "Door 1" });
        Assert.Equal("accepted", first.Outcome);
        Assert.Equal(first, retry);
        using var c = _app.Db.OpenRead();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkin_scans"));
    }

    [Fact]
    public async Task EveryScanIsAuditedWithWhoDeviceScanTimeAndReceiptTime()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        var scannedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        await ScanAsync(door, new { code, device = "Door 3", scannedAt });
        await ScanAsync(door, new { code = "nonsense" });
        using var c = _app.Db.OpenRead();
        var rows = c.Query<(string Outcome, string Device, string ScannedAt, string ReceivedAt, long OrganiserId)>(
            "SELECT outcome, device, scanned_at, received_at, organiser_id FROM checkin_scans ORDER BY id").ToList();
        Assert.Equal(["accepted", "unknown"], rows.Select(r => r.Outcome));
        Assert.Equal("Door 3", rows[0].Device);
        Assert.Equal("Admin", rows[1].Device); // no device name: the organiser's name
        Assert.True(DateTimeOffset.Parse(rows[0].ScannedAt) < DateTimeOffset.Parse(rows[0].ReceivedAt).AddMinutes(-9));
        Assert.All(rows, r => Assert.True(r.OrganiserId > 0));
    }

    [Fact]
    public async Task TheOfflineBatchIsAnsweredInOrderAndTwoDevicesGiveOneCheckIn()
    {
        var code = await _app.TicketAsync();
        var unknown = "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
        using var phone1 = await _app.SignedInClientAsync();
        using var phone2 = await _app.SignedInClientAsync();
        var seen = DateTimeOffset.UtcNow.AddMinutes(-5);
        var first = await phone1.PostAsJsonAsync("/api/v1/checkins/batch", new[]
        {
            new { code, nonce = "p1-1", device = "Door 1", scannedAt = seen },
            new { code = unknown, nonce = "p1-2", device = "Door 1", scannedAt = seen },
        });
        var second = await phone2.PostAsJsonAsync("/api/v1/checkins/batch", new[] { new { code, nonce = "p2-1", device = "Door 2", scannedAt = seen.AddSeconds(30) } });
        var answers1 = (await first.Content.ReadFromJsonAsync<Answer[]>())!;
        var answers2 = (await second.Content.ReadFromJsonAsync<Answer[]>())!;
        Assert.Equal(["accepted", "unknown"], answers1.Select(a => a.Outcome));
        Assert.Equal("already_checked_in", answers2.Single().Outcome);
        Assert.Equal("Door 1", answers2.Single().Device);
        Assert.Equal(seen.ToUnixTimeSeconds(), answers2.Single().CheckedInAt!.Value.ToUnixTimeSeconds()); // the real scan time
    }

    [Fact]
    public async Task UndoRemovesTheCheckInSoTheTicketIsAcceptedAgain()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        await ScanAsync(door, new { code });
        Assert.Equal(HttpStatusCode.OK, (await door.DeleteAsync($"/api/v1/checkins/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await door.DeleteAsync($"/api/v1/checkins/{code}")).StatusCode);
        Assert.Equal("accepted", (await ScanAsync(door, new { code })).Outcome);
    }

    [Fact]
    public async Task TheRosterListsEveryRegistrationWithItsCheckIn()
    {
        var ada = await _app.TicketAsync("Ada", "Lovelace");
        await _app.TicketAsync("Grace", "Hopper");
        using var door = await _app.SignedInClientAsync();
        await ScanAsync(door, new { code = ada });
        var roster = await door.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/checkins/roster");
        Assert.True(roster.GetProperty("full").GetBoolean());
        var attendees = roster.GetProperty("attendees").EnumerateArray().ToList();
        Assert.Equal(2, attendees.Count(a => a.GetProperty("status").GetString() == "confirmed"));
        Assert.Equal(1, attendees.Count(a => a.GetProperty("checkedInAt").ValueKind != System.Text.Json.JsonValueKind.Null));
        Assert.Equal(["Hopper", "Lovelace"], attendees.Select(a => a.GetProperty("lastName").GetString()));
        Assert.Equal(Events.Api.Security.SecretCode.Hash(ada), attendees[1].GetProperty("codeHash").GetString());
    }

    [Fact]
    public async Task APersonChosenByNameIsCheckedInAndUndoneByTheRostersIdWhichNoScannedTextCanName()
    {
        var ada = await _app.TicketAsync("Ada", "Lovelace");
        using var door = await _app.SignedInClientAsync();
        var id = (await door.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/checkins/roster")).GetProperty("attendees")[0].GetProperty("id").GetInt64();

        Assert.Equal("unknown", (await ScanAsync(door, new { code = id.ToString() })).Outcome); // a QR holding an id opens nothing
        var answer = await ScanAsync(door, new { registrationId = id, nonce = "by-name", device = "Door 1" });
        Assert.Equal(("accepted", "Lovelace"), (answer.Outcome, answer.Attendee!.LastName));
        Assert.Equal("already_checked_in", (await ScanAsync(door, new { code = ada })).Outcome);
        Assert.Equal(HttpStatusCode.OK, (await door.DeleteAsync($"/api/v1/checkins/registrations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await door.DeleteAsync($"/api/v1/checkins/registrations/{id}")).StatusCode);
        Assert.Equal("accepted", (await ScanAsync(door, new { code = ada })).Outcome);

        var both = await door.PostAsJsonAsync("/api/v1/checkins", new { code = ada, registrationId = id });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("\"registrationId\"", await both.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAuditKeepsTheHashOfWhatWasScannedNeverTheText()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        await ScanAsync(door, new { code = $"https://example.org/ticket/{Events.Api.Security.SecretCode.Grouped(code).ToLowerInvariant()}" });
        var nearMiss = code[..27] + (code[27] == 'Z' ? 'Y' : 'Z');
        Assert.Equal("unknown", (await ScanAsync(door, new { code = nearMiss })).Outcome);
        using var c = _app.Db.OpenRead();
        var kept = c.Query<string>("SELECT code FROM checkin_scans ORDER BY id").ToList();
        Assert.Equal([Events.Api.Security.SecretCode.Hash(code), Events.Api.Security.SecretCode.Hash(nearMiss)], kept);
    }

    [Fact]
    public async Task AScanWithoutACodeIsAFieldError()
    {
        using var door = await _app.SignedInClientAsync();
        var response = await door.PostAsJsonAsync("/api/v1/checkins", new { device = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"code\"", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _app.Dispose();
}
