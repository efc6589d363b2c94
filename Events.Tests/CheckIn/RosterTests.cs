using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.CheckIn;

/// <summary>
/// <c>GET /api/v1/checkins/roster?since=…</c>: a phone downloads the roster once, then only what changed, whoever
/// changed it (another phone's check-in, a registration, a cancellation, a replaced ticket code).
/// </summary>
public sealed class RosterTests : IDisposable
{
    private readonly EventsApp _app = new();

    private sealed record Entry(long Id, string CodeHash, string FirstName, string LastName, string Status, DateTimeOffset? CheckedInAt, string? Device);
    private sealed record RosterAnswer(string Cursor, bool Full, List<Entry> Attendees);

    private static async Task<RosterAnswer> RosterAsync(HttpClient client, string? since = null) =>
        (await client.GetFromJsonAsync<RosterAnswer>("/api/v1/checkins/roster" + (since is null ? "" : "?since=" + Uri.EscapeDataString(since))))!;

    [Fact]
    public async Task ADeltaCarriesOnlyTheEntryAnotherPhoneCheckedIn()
    {
        var ada = await _app.TicketAsync("Ada", "Lovelace");
        await _app.TicketAsync("Grace", "Hopper");
        using var phone1 = await _app.SignedInClientAsync();
        using var phone2 = await _app.SignedInClientAsync();
        var first = await RosterAsync(phone1);
        Assert.True(first.Full);
        Assert.Equal(2, first.Attendees.Count);

        var nothing = await RosterAsync(phone1, first.Cursor);
        Assert.False(nothing.Full);
        Assert.Empty(nothing.Attendees);
        Assert.Equal(first.Cursor, nothing.Cursor);

        await phone2.PostAsJsonAsync("/api/v1/checkins", new { code = ada, device = "Door 2" });
        var delta = await RosterAsync(phone1, first.Cursor);
        Assert.False(delta.Full);
        var entry = Assert.Single(delta.Attendees);
        Assert.Equal(("Lovelace", "Door 2"), (entry.LastName, entry.Device));
        Assert.NotNull(entry.CheckedInAt);

        await phone2.DeleteAsync($"/api/v1/checkins/{ada}");
        var undone = Assert.Single((await RosterAsync(phone1, delta.Cursor)).Attendees);
        Assert.Null(undone.CheckedInAt);
    }

    [Fact]
    public async Task ADeltaCarriesNewRegistrationsCancellationsAndReplacedCodesUnderTheSameId()
    {
        var holder = await _app.RegisterAsync(firstName: "Ada");
        using var door = await _app.SignedInClientAsync();
        var start = await RosterAsync(door);
        var before = Assert.Single(start.Attendees);

        await _app.RegisterAsync(firstName: "Grace");
        var added = Assert.Single((await RosterAsync(door, start.Cursor)).Attendees);
        Assert.Equal("Grace", added.FirstName);

        var replacedAt = (await RosterAsync(door)).Cursor;
        using (var c = _app.Db.OpenRead()) Assert.Equal(before.CodeHash, c.ExecuteScalar<string>("SELECT ticket_code_hash FROM registrations WHERE id = @Id", before));
        await _app.Services.GetRequiredService<Events.Api.Registration.TicketService>().ReplaceCodeAsync(holder.ManageCode);
        var replaced = Assert.Single((await RosterAsync(door, replacedAt)).Attendees);
        Assert.Equal(before.Id, replaced.Id);
        Assert.NotEqual(before.CodeHash, replaced.CodeHash);

        using (var client = _app.Client()) await client.DeleteAsync($"/api/v1/registrations/{holder.ManageCode}");
        var cancelled = Assert.Single((await RosterAsync(door, replacedAt)).Attendees);
        Assert.Equal("cancelled", cancelled.Status);
    }

    [Fact]
    public async Task TheRosterCarriesTheHashOfEachTicketCodeNeverTheCode()
    {
        var ada = await _app.TicketAsync("Ada", "Lovelace");
        var grace = await _app.TicketAsync("Grace", "Hopper");
        using var door = await _app.SignedInClientAsync();
        var text = await door.GetStringAsync("/api/v1/checkins/roster");

        Assert.DoesNotContain(ada, text);
        Assert.DoesNotContain(grace, text);
        var attendees = JsonDocument.Parse(text).RootElement.GetProperty("attendees").EnumerateArray().ToList();
        Assert.All(attendees, a => Assert.False(a.TryGetProperty("code", out _)));
        var hashes = attendees.ToDictionary(a => a.GetProperty("lastName").GetString()!, a => a.GetProperty("codeHash").GetString());
        // Lower-case hex of the SHA-256 of the code's UTF-8 bytes: what the scanner computes with crypto.subtle.digest.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ada))), hashes["Lovelace"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(grace))), hashes["Hopper"]);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("1-999999")] // ahead of the database: a restored backup
    [InlineData("7-0")]      // another edition
    public async Task ACursorTheServerCannotContinueGetsTheFullRoster(string cursor)
    {
        await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        var answer = await RosterAsync(door, cursor);
        Assert.True(answer.Full);
        Assert.Single(answer.Attendees);
    }

    [Fact]
    public async Task TheRosterTravelsCompressedWhenThePhoneAcceptsIt()
    {
        for (var i = 0; i < 30; i++) await _app.TicketAsync("Ada", $"Lovelace{i}");
        using var door = await _app.SignedInClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/checkins/roster");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await door.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
    }

    [Fact]
    public async Task ATicketOfAnotherEditionIsUnknown()
    {
        var code = await _app.TicketAsync();
        using (var c = _app.Db.OpenRead())
            c.Execute("""
                INSERT INTO events (title, starts_at, ends_at, venue, address, capacity)
                SELECT title || ' (next year)', starts_at, ends_at, venue, address, capacity FROM events;
                UPDATE current_edition SET event_id = (SELECT MAX(id) FROM events);
                """);
        using var door = await _app.SignedInClientAsync();
        var answer = await (await door.PostAsJsonAsync("/api/v1/checkins", new { code })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unknown", answer.GetProperty("outcome").GetString());
        Assert.Empty((await RosterAsync(door)).Attendees);
    }

    [Fact]
    public async Task ABadBatchItemIsA400NamingTheItem()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        var response = await door.PostAsync("/api/v1/checkins/batch",
            new StringContent($$"""[{"code":"{{code}}"}, null, {"nonce":"x"}]""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1]", out _));
        Assert.True(errors.TryGetProperty("[2].code", out _));
        using var c = _app.Db.OpenRead();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins")); // nothing of a refused batch is kept
    }

    public void Dispose() => _app.Dispose();
}
