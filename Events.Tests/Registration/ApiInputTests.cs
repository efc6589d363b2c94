using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Registration;

/// <summary>Bad input to the API gets a problem+json answer and changes nothing.</summary>
public sealed class ApiInputTests : IDisposable
{
    private readonly EventsApp _app = new();

    public static TheoryData<string, string, string, int> BadRequests => new()
    {
        { "missing fields", "application/json", "{}", 400 },
        { "10,000-character name", "application/json", Json(new { firstName = new string('a', 10_000), lastName = "B", email = "a@example.org", consent = true }), 400 },
        { "invalid e-mail", "application/json", Json(new { firstName = "A", lastName = "B", email = "not-an-address", consent = true }), 400 },
        { "e-mail with two @", "application/json", Json(new { firstName = "A", lastName = "B", email = "a@b@example.org", consent = true }), 400 },
        { "no consent", "application/json", Json(new { firstName = "A", lastName = "B", email = "a@example.org", consent = false }), 400 },
        { "malformed JSON", "application/json", "{\"firstName\": \"A\", ", 400 },
        { "wrong type", "application/json", "{\"firstName\": 12, \"consent\": \"yes\"}", 400 },
        { "wrong content type", "text/plain", "firstName=A", 415 },
        { "body over 64 KB", "application/json", Json(new { firstName = new string('a', 70_000), lastName = "B", email = "a@example.org", consent = true }), 413 },
        { "control characters", "application/json", Json(new { firstName = "A\u0007", lastName = "B\r\nBcc: x@evil.example", email = "a@example.org", consent = true }), 400 },
        { "unknown language", "application/json", Json(new { firstName = "A", lastName = "B", email = "a@example.org", language = "de", consent = true }), 400 },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task BadRegistrationIsRefusedWithProblemJsonAndChangesNothing(string why, string contentType, string body, int status)
    {
        using var client = _app.Client();
        var response = await client.PostAsync("/api/v1/registrations", new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(status == (int)response.StatusCode, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations"));
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox"));
    }

    [Fact]
    public async Task FieldErrorsAreListedUnderErrorsByFieldName()
    {
        using var client = _app.Client();
        var response = await client.PostAsJsonAsync("/api/v1/registrations", new { firstName = "", email = "x", consent = false });
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["consent", "email", "firstName", "lastName"], fields);
    }

    [Fact]
    public async Task SameEmailTwiceIsAConflictThatRevealsNothingAndMailsTheOwner()
    {
        await _app.RegisterAsync("Grace@Example.org");
        using var client = _app.Client();
        var again = await client.PostAsJsonAsync("/api/v1/registrations", new { firstName = "X", lastName = "Y", email = "  grace@example.ORG ", consent = true });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var text = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain("manage", text, StringComparison.OrdinalIgnoreCase);
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations"));
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'duplicate'"));
    }

    [Fact]
    public async Task AfterCancellingTheSameEmailCanRegisterAgain()
    {
        var first = await _app.RegisterAsync("again@example.org");
        using var client = _app.Client();
        (await client.DeleteAsync($"/api/v1/registrations/{first.ManageCode}")).EnsureSuccessStatusCode();
        var second = await _app.RegisterAsync("again@example.org");
        Assert.Equal("confirmed", second.Status);
        Assert.NotEqual(first.ManageCode, second.ManageCode);
    }

    [Fact]
    public async Task HolderOfTheLinkCanReadChangeAndCancel()
    {
        var created = await _app.RegisterAsync("change@example.org");
        using var client = _app.Client();
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/registrations/{created.ManageCode}")
        {
            Content = JsonContent.Create(new { firstName = "Augusta", organisation = "", language = "en" }),
        };
        var changed = await client.SendAsync(patch);
        changed.EnsureSuccessStatusCode();
        using var view = JsonDocument.Parse(await changed.Content.ReadAsStringAsync());
        Assert.Equal("Augusta", view.RootElement.GetProperty("firstName").GetString());
        Assert.Equal("Lovelace", view.RootElement.GetProperty("lastName").GetString());
        Assert.Equal(JsonValueKind.Null, view.RootElement.GetProperty("organisation").ValueKind);
        Assert.Equal("en", view.RootElement.GetProperty("language").GetString());
        Assert.Contains("/ticket/", view.RootElement.GetProperty("ticketUrl").GetString());

        var cancelled = await client.DeleteAsync($"/api/v1/registrations/{created.ManageCode}");
        using var after = JsonDocument.Parse(await cancelled.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", after.RootElement.GetProperty("status").GetString());
        var late = await client.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/registrations/{created.ManageCode}") { Content = JsonContent.Create(new { firstName = "Z" }) });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task UnknownManageCodeIsNotFound(string method)
    {
        using var client = _app.Client();
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/registrations/ZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
        if (method == "PATCH") request.Content = JsonContent.Create(new { firstName = "Z" });
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EventReportsSeatsAndCountersWithOffsetTimes()
    {
        await _app.RegisterAsync();
        using var client = _app.Client();
        var text = await client.GetStringAsync("/api/v1/event");
        using var json = JsonDocument.Parse(text);
        Assert.Equal(299, json.RootElement.GetProperty("seatsLeft").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("confirmed").GetInt32());
        Assert.True(json.RootElement.GetProperty("registrationOpen").GetBoolean());
        Assert.EndsWith("+02:00", json.RootElement.GetProperty("startsAt").GetString());
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    public void Dispose() => _app.Dispose();
}
