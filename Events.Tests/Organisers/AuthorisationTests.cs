using System.Net;
using System.Net.Http.Json;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

/// <summary>Anonymous, door and admin against every organiser endpoint and page: one table.</summary>
public sealed class AuthorisationTests : IDisposable
{
    private readonly EventsApp _app = new();

    private enum Who { Anonymous, Door, Admin }
    private enum Expect { Allowed, SignIn, Denied }

    private const string Ticket = "ABCDEFGHJKLMNPQRSTUVWXYZ2345";

    // (method, path, JSON body, who can use it) — every other role must be refused.
    private static readonly (string Method, string Path, object? Body, Who Least)[] Table =
    [
        ("GET", "/organisers", null, Who.Door),
        ("GET", "/door/scan", null, Who.Door),
        ("POST", "/door/scan?handler=Search", null, Who.Door),
        ("GET", "/door/walk-in", null, Who.Door),
        ("POST", "/door/walk-in", null, Who.Door),
        ("POST", "/door/scan?handler=Code", null, Who.Door),
        ("POST", "/door/scan?handler=Undo", null, Who.Door),
        ("GET", "/organisers/staff", null, Who.Admin),
        ("POST", "/organisers/staff", null, Who.Admin),
        ("POST", "/organisers/staff?handler=Remove", null, Who.Admin),
        ("POST", "/organisers/staff?handler=Restore", null, Who.Admin),
        ("GET", "/organisers/dashboard", null, Who.Admin),
        ("GET", "/organisers/event", null, Who.Admin),
        ("GET", "/organisers/message", null, Who.Admin),
        ("POST", "/organisers/message", null, Who.Admin),
        ("POST", "/organisers/message?handler=Send", null, Who.Admin),
        ("POST", "/organisers/message?handler=Test", null, Who.Admin),
        ("GET", "/organisers/message/history", null, Who.Admin),
        ("GET", "/organisers/message/history/1", null, Who.Admin),
        ("POST", "/organisers/event/new-edition?handler=Current", null, Who.Admin),
        ("POST", "/organisers/event/new-edition?handler=Back", null, Who.Admin),
        ("GET", "/organisers/event/new-edition", null, Who.Admin),
        ("GET", "/organisers/agenda/grid", null, Who.Admin),
        ("GET", "/organisers/agenda/confirm/session/1", null, Who.Admin),
        ("POST", "/organisers/event", null, Who.Admin),
        ("POST", "/organisers/dashboard", null, Who.Admin),
        ("POST", "/organisers/dashboard?handler=RetryMail", null, Who.Admin),
        ("GET", "/organisers/needs", null, Who.Door),
        ("GET", "/organisers/attendees/print", null, Who.Admin),
        ("GET", "/organisers/badges?qr=1", null, Who.Admin),
        ("GET", "/organisers/attendees", null, Who.Door),
        ("POST", "/organisers/attendees", null, Who.Door),
        ("GET", "/organisers/attendees/1", null, Who.Door), // read only for door staff; its posts refuse them (Attendees/AttendeeDetailTests)
        ("GET", "/organisers/activity", null, Who.Admin),
        ("POST", "/api/v1/checkins", new { code = Ticket }, Who.Door),
        ("POST", "/api/v1/checkins/batch", new[] { new { code = Ticket } }, Who.Door),
        ("DELETE", $"/api/v1/checkins/{Ticket}", null, Who.Door),
        ("DELETE", "/api/v1/checkins/registrations/1", null, Who.Door),
        ("GET", "/api/v1/checkins/roster", null, Who.Door),
    ];

    private static Expect Expected(Who who, Who least) =>
        who >= least ? Expect.Allowed : who == Who.Anonymous ? Expect.SignIn : Expect.Denied;

    private static Expect Observed(HttpResponseMessage r) => r.StatusCode switch
    {
        HttpStatusCode.Unauthorized => Expect.SignIn,
        HttpStatusCode.Forbidden => Expect.Denied,
        HttpStatusCode.Redirect when Target(r) == "/organisers/signin" => Expect.SignIn,
        HttpStatusCode.Redirect when Target(r) == "/organisers/denied" => Expect.Denied,
        _ => Expect.Allowed,
    };

    private static string Target(HttpResponseMessage r) => new Uri(new Uri("http://localhost"), r.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task EveryOrganiserEndpointAndPageLetsInExactlyTheRolesItNames()
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        var clients = new Dictionary<Who, HttpClient>
        {
            [Who.Anonymous] = _app.Client(),
            [Who.Door] = await _app.SignedInClientAsync("door@example.org", "door staff password"),
            [Who.Admin] = await _app.SignedInClientAsync(),
        };
        var failures = new List<string>();
        foreach (var (method, path, body, least) in Table)
            foreach (var (who, client) in clients)
            {
                // Page forms need their antiforgery token: take it from the page the way a browser would.
                var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null) request.Content = JsonContent.Create(body);
                else if (method == "POST") request.Content = await FormWithTokenAsync(clients[Who.Admin], path);
                var response = await client.SendAsync(request);
                var expected = Expected(who, least);
                var observed = Observed(response);
                if (observed != expected) failures.Add($"{method} {path} as {who}: expected {expected}, got {(int)response.StatusCode} ({observed})");
                if (path.StartsWith("/api") && expected != Expect.Allowed && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{method} {path} as {who}: refusal is not problem+json");
            }
        foreach (var client in clients.Values) client.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task ATicketCheckedInThroughThePlainFormShowsTheWelcomeWithoutJavaScript()
    {
        var code = await _app.TicketAsync("Ada", "Lovelace");
        using var door = await _app.SignedInClientAsync();
        var page = await door.GetPageAsync("/door/scan");
        var response = await door.SubmitAsync(page.FormWith("code"), new Dictionary<string, string> { ["code"] = code }, "/door/scan");
        var html = await Forms.ParseAsync(response);
        Assert.Contains("Bienvenue, Ada Lovelace (Analytical Engines)", html.QuerySelector("#verdict")!.TextContent);
        Assert.Contains("Arrivées / places confirmées\u00A0: 1 / 1", html.QuerySelector("#counter")!.TextContent);

        var searched = await door.SubmitAsync(html.FormWith("q"), new Dictionary<string, string> { ["q"] = "lov" }, "/door/scan");
        var search = await Forms.ParseAsync(searched);
        Assert.Contains("arrivée enregistrée à", search.QuerySelector(".results")!.TextContent);
    }

    private static async Task<FormUrlEncodedContent> FormWithTokenAsync(HttpClient admin, string path)
    {
        var page = await admin.GetPageAsync(path.Split('?')[0]);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("code", Ticket), new("email", "x@example.org"), new("role", "door")]);
    }

    public void Dispose() => _app.Dispose();
}
