using System.Net;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Agenda;

/// <summary>One app with a published agenda, two speakers, door staff, an admin and an attendee, shared by the table below.</summary>
public sealed class AgendaWorld : IAsyncLifetime
{
    public EventsApp App { get; } = new();
    public long SpeakerA { get; private set; }
    public long SpeakerB { get; private set; }
    public long SessionA { get; private set; }
    public long SessionB { get; private set; }
    public long Room { get; private set; }
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        SpeakerA = await App.InviteAsync("Ada Lovelace", "ada@example.org");
        SpeakerB = await App.InviteAsync("Grace Hopper", "grace@example.org");
        Room = await App.AddRoomAsync("Amphi");
        await App.AddRoomAsync("Salle vide");
        SessionA = await App.AddSessionAsync("Machine analytique", "2027-06-26T09:00", "2027-06-26T10:00", Room, [SpeakerA]);
        SessionB = await App.AddSessionAsync("Compilateurs", "2027-06-26T10:00", "2027-06-26T11:00", Room, [SpeakerB]);
        await App.PublishAsync();
        await App.CreateOrganiserAsync("door@example.org", "door");

        Clients["anonymous"] = App.Client();
        var attendee = App.Client();
        var registration = await App.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await attendee.GetAsync(new Uri(registration.ManageUrl).PathAndQuery)).StatusCode);
        Clients["attendee"] = attendee;
        Clients["speaker A"] = await App.SpeakerClientAsync("ada@example.org");
        Clients["speaker B"] = await App.SpeakerClientAsync("grace@example.org");
        Clients["door"] = await App.SignedInClientAsync("door@example.org", "door staff password");
        Clients["admin"] = await App.SignedInClientAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients.Values) client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Who may open which agenda and speaker page or endpoint: every principal against every address.</summary>
public sealed class AuthorisationTests(AgendaWorld world) : IClassFixture<AgendaWorld>
{
    private const string Everyone = "anonymous,attendee,speaker A,speaker B,door,admin";
    private const string Admin = "admin";
    private const string Speakers = "speaker A,speaker B";

    /// <summary>Path (with {A}/{B} for speaker ids and {SA}/{SB} for their sessions) → who gets 200; everyone else is refused.</summary>
    private static readonly (string Path, string Allowed)[] Table =
    [
        ("/agenda", Everyone),
        ("/agenda?format=talk&language=fr", Everyone),
        ("/agenda/sessions/{SA}", Everyone),
        ("/agenda/speakers/{A}", Everyone),
        ("/agenda.ics", Everyone),
        ("/agenda/sessions/{SA}.ics", Everyone),
        ("/api/v1/agenda", Everyone),
        ("/speakers/signin", Everyone),
        ("/organisers/agenda", Admin),
        ("/organisers/agenda/rooms", Admin),
        ("/organisers/agenda/speakers", Admin),
        ("/speakers", Speakers),
        ("/speakers/profile", Speakers),
        ("/speakers/sessions.ics", Speakers),
        ("/speakers/sessions/{SA}", "speaker A"),
        ("/speakers/sessions/{SB}", "speaker B"),
    ];

    private static readonly System.Text.RegularExpressions.Regex SignInOrDenied = new("^(https?://[^/]+)?/(organisers/signin|organisers/denied|speakers/signin)");

    public static TheoryData<string> Principals => new("anonymous", "attendee", "speaker A", "speaker B", "door", "admin");

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task EachPrincipalOpensExactlyThePagesItsRoleAllows(string who)
    {
        var failures = new List<string>();
        foreach (var (template, allowed) in Table)
        {
            var path = template.Replace("{SA}", world.SessionA.ToString()).Replace("{SB}", world.SessionB.ToString())
                .Replace("{A}", world.SpeakerA.ToString()).Replace("{B}", world.SpeakerB.ToString());
            var response = await world.Clients[who].GetAsync(path);
            var mayOpen = allowed.Split(',').Contains(who);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                          || response.StatusCode == HttpStatusCode.Redirect
                             && SignInOrDenied.IsMatch(response.Headers.Location!.OriginalString);
            if (mayOpen && response.StatusCode != HttpStatusCode.OK) failures.Add($"{path}: expected 200, got {(int)response.StatusCode}");
            if (!mayOpen && !refused) failures.Add($"{path}: expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, $"{who}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("attendee")]
    [InlineData("speaker A")]
    [InlineData("door")]
    public async Task OnlyAdminsChangeTheScheduleOrPublishIt(string who)
    {
        var client = world.Clients[who];
        var page = await Forms.ParseAsync(await client.GetAsync("/speakers/signin")); // any page: its antiforgery token
        var before = Snapshot();
        var posts = new[]
        {
            ("/organisers/agenda?handler=Unpublish", Array.Empty<KeyValuePair<string, string>>()),
            ($"/organisers/agenda?handler=Save&id={world.SessionB}", [new("title", "Pris"), new("format", "talk"), new("language", "fr"), new("start", "2027-06-26T09:00"), new("end", "2027-06-26T10:00")]),
            ($"/organisers/agenda?handler=Delete&id={world.SessionB}", []),
            ("/organisers/agenda/rooms", [new("name", "Salle pirate")]),
            ($"/organisers/agenda/rooms?handler=Delete&id={world.App.Agenda().Load().Rooms.Single(r => r.Name == "Salle vide").Id}", []),
            ("/organisers/agenda/speakers", [new("name", "Pirate"), new("email", "pirate@example.org"), new("language", "fr")]),
            ($"/organisers/agenda/speakers?handler=Remove&id={world.SpeakerB}", []),
        };
        foreach (var (url, values) in posts)
        {
            var response = await client.PostWithTokenAsync(page, url, values);
            Assert.False(response.IsSuccessStatusCode, $"{who} POST {url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.Matches("^(https?://[^/]+)?/organisers/(signin|denied)", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task SpeakerAChangingSpeakerBsSessionGetsNotFoundAndChangesNothing()
    {
        var a = world.Clients["speaker A"];
        var own = await a.GetPageAsync($"/speakers/sessions/{world.SessionA}");
        var before = Snapshot();
        var response = await a.PostWithTokenAsync(own, $"/speakers/sessions/{world.SessionB}",
            [new("title", "Détourné"), new("abstract", "x"), new("language", "en"), new("equipment", "rien")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task SpeakerACanOnlyEverChangeHerOwnProfile()
    {
        var a = world.Clients["speaker A"];
        var page = await a.GetPageAsync("/speakers/profile");
        var before = SpeakerRow(world.SpeakerB);
        // Naming speaker B in the form or the address changes nothing of B: the profile comes from the sign-in.
        var response = await a.PostWithTokenAsync(page, $"/speakers/profile?id={world.SpeakerB}",
            [new("id", world.SpeakerB.ToString()), new("speakerId", world.SpeakerB.ToString()), new("displayName", "Ada L."),
             new("bio", "Mathématicienne."), new("webLink", "https://example.org/ada")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, SpeakerRow(world.SpeakerB));
        Assert.Contains("Ada L.", SpeakerRow(world.SpeakerA));
        await world.App.Db.WriteAsync((c, tx) => c.Execute("UPDATE speakers SET display_name = 'Ada Lovelace', bio = '', web_link = NULL WHERE id = @id", new { id = world.SpeakerA }, tx));
    }

    [Fact]
    public async Task ASpeakersCalendarHoldsOnlyTheirOwnSessions()
    {
        var ics = await world.Clients["speaker B"].GetStringAsync("/speakers/sessions.ics");
        Assert.Contains("Compilateurs", ics);
        Assert.DoesNotContain("Machine analytique", ics);
    }

    [Fact]
    public async Task ThePublicAgendaNeverShowsSpeakersEmailAddresses()
    {
        var json = await world.Clients["anonymous"].GetStringAsync("/api/v1/agenda");
        var page = await world.Clients["anonymous"].GetStringAsync($"/agenda/speakers/{world.SpeakerA}");
        Assert.DoesNotContain("@example.org", json);
        Assert.DoesNotContain("@example.org", page);
    }

    private string Snapshot()
    {
        using var c = world.App.Db.OpenRead();
        return string.Join("\n", c.Query<string>("""
            SELECT id || title || abstract || language || equipment || starts_at || ifnull(room_id, '') FROM sessions
            UNION ALL SELECT 'room' || id || name FROM rooms
            UNION ALL SELECT 'speaker' || id || display_name || email FROM speakers
            UNION ALL SELECT 'published' || published_at FROM agenda_publications
            """).Order());
    }

    private string SpeakerRow(long id)
    {
        using var c = world.App.Db.OpenRead();
        return c.QuerySingle<string>("SELECT display_name || '|' || bio || '|' || ifnull(web_link, '') FROM speakers WHERE id = @id", new { id });
    }
}
