using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Events.Api.Agenda;
using Events.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Events.Tests.Agenda;

/// <summary>The schedule room by room (<see cref="RoomGrid"/>) and its printable page.</summary>
public sealed partial class RoomGridTests : IDisposable
{
    private readonly EventsApp _app = new();

    private static readonly DateTimeOffset Nine = new(2027, 6, 26, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly Room A = new(1, 1, "Amphi", 300, "");
    private static readonly Room B = new(2, 1, "Salle B", 40, "");

    private static SessionView At(long id, int startMinutes, int endMinutes, Room? room) => new(
        new Session(id, 1, $"u{id}", $"S{id}", "", "talk", "fr", Nine.AddMinutes(startMinutes), Nine.AddMinutes(endMinutes), room?.Id, "", 1,
            null, Nine, Nine), room, []);

    [Fact]
    public void ASessionSpansTheRowsThatStartBeforeItEnds()
    {
        // Amphi: 9:00-10:30; Salle B: 9:00-9:30, 9:30-10:00, 10:00-10:30.
        var grid = new RoomGrid([A, B], [At(1, 0, 90, A), At(2, 0, 30, B), At(3, 30, 60, B), At(4, 60, 90, B)]);
        Assert.Equal([Nine, Nine.AddMinutes(30), Nine.AddMinutes(60)], grid.Rows);
        Assert.Equal(3, grid.At(0, 0)!.RowSpan);
        Assert.True(grid.Covered(1, 0) && grid.Covered(2, 0));
        Assert.Equal([1, 1, 1], Enumerable.Range(0, 3).Select(r => grid.At(r, 1)!.RowSpan));
        Assert.Equal(2, grid.Columns.Count); // no "without a room" column when every session has one
    }

    [Fact]
    public void SessionsWithoutARoomGetTheirOwnColumnAndEmptyCellsStayEmpty()
    {
        var grid = new RoomGrid([A, B], [At(1, 0, 30, A), At(2, 30, 60, null)]);
        Assert.Equal(3, grid.Columns.Count);
        Assert.Null(grid.Columns[2]);
        Assert.Equal("S2", grid.At(1, 2)!.Sessions.Single().Session.Title);
        Assert.Null(grid.At(0, 1));
        Assert.False(grid.Covered(0, 1));
    }

    [Fact]
    public void SessionsOverlappingInOneRoomShareACellRatherThanVanish()
    {
        var grid = new RoomGrid([A], [At(1, 0, 60, A), At(2, 30, 90, A), At(3, 90, 120, A)]);
        var shared = grid.At(0, 0)!;
        Assert.Equal(["S1", "S2"], shared.Sessions.Select(s => s.Session.Title));
        Assert.Equal(3, shared.RowSpan); // rows 9:00, 9:30 and 10:00; 10:30 starts after both end
        Assert.Equal("S3", grid.At(3, 0)!.Sessions.Single().Session.Title);
    }

    [Fact]
    public void RowsComeAtARegularStepSoThatEveryRowIsTheSameLengthOfTime()
    {
        // 9:00-9:15, 9:15-10:00 and, after a break, 10:15-11:00: a row every 15 minutes, the break included.
        var grid = new RoomGrid([A, B], [At(1, 0, 15, A), At(2, 15, 60, A), At(3, 75, 120, B)]);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => Nine.AddMinutes(15 * i)), grid.Rows);
        Assert.Equal([1, 3], new[] { grid.At(0, 0)!.RowSpan, grid.At(1, 0)!.RowSpan });
        Assert.Null(grid.At(4, 0)); // the break: an empty cell
        Assert.Equal(3, grid.At(5, 1)!.RowSpan);
        Assert.Equal(TimeSpan.FromMinutes(15), grid.Step);
    }

    [Fact]
    public void ADayCutInMinutesFallsBackToARowPerStartRatherThanHundredsOfRows()
    {
        // 9:00-9:01 and 9:01-17:00: a row a minute would be 480 rows.
        var grid = new RoomGrid([A], [At(1, 0, 1, A), At(2, 1, 480, A)]);
        Assert.Equal([Nine, Nine.AddMinutes(1)], grid.Rows);
        Assert.Null(grid.Step);
    }

    [Fact]
    public async Task AdminsSeeTheGridWithRoomsTimesAndSpeakersAndDoorStaffDoNot()
    {
        var amphi = await _app.AddRoomAsync("Amphi", 300);
        var ada = await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        await _app.AddSessionAsync("Ouverture", "2027-06-26T09:00", "2027-06-26T09:30", amphi, [ada]);
        await _app.AddSessionAsync("Atelier sans salle", "2027-06-26T09:30", "2027-06-26T10:30", null);
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/agenda/grid");

        var headers = page.QuerySelectorAll("table.grid thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal("Amphi (300\u00A0places)", headers[1]);
        Assert.Equal("Salle à préciser", headers[2]);
        var cells = page.QuerySelectorAll("table.grid tbody td").Select(td => td.TextContent).ToList();
        Assert.Contains(cells, c => c.Contains("Ouverture") && c.Contains("09:00–09:30") && c.Contains("Ada Lovelace"));
        Assert.Equal(["09:00", "09:30", "10:00"], page.QuerySelectorAll("table.grid tbody th").Select(th => th.TextContent.Trim())); // every 30 minutes

        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        var refused = await door.GetAsync("/organisers/agenda/grid");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [SkippableFact]
    public async Task TheGridPrintsOnOneA4LandscapePage()
    {
        using var live = new LiveApp();
        var room = await live.App.AddRoomAsync("Amphi", 300);
        for (var i = 0; i < 6; i++)
            await live.App.AddSessionAsync($"Session {i}", $"2027-06-26T{9 + i / 2:00}:{i % 2 * 30:00}", $"2027-06-26T{9 + (i + 1) / 2:00}:{(i + 1) % 2 * 30:00}", room);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.OpenPageAsync();
        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/organisers/agenda/grid");

        var bytes = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        Assert.Equal(1, Pdf.PageCount(bytes));
        var box = MediaBox().Match(System.Text.Encoding.Latin1.GetString(bytes));
        Assert.True(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            $"not landscape: {box.Value}");
    }

    /// <summary>A morning in 5 rooms: 14 sessions from 09:00 to 13:00, starting on the quarter hour, titles of a usual length.</summary>
    private static async Task FiveRoomsFourteenSessionsAsync(EventsApp app)
    {
        var rooms = new List<long>();
        foreach (var (name, seats) in new[] { ("Amphithéâtre", 300), ("Salle Seine", 60), ("Salle Robec", 40), ("Atelier 1", 20), ("Atelier 2", 20) })
            rooms.Add(await app.AddRoomAsync(name, seats));
        var ada = await app.InviteAsync("Ada Lovelace", "ada@example.org");
        var sessions = new[]
        {
            ("09:00", "09:15", 0), ("09:15", "10:00", 0), ("10:00", "10:45", 0), ("10:15", "11:00", 1), ("10:15", "11:15", 2), ("10:15", "11:45", 3),
            ("10:15", "11:45", 4), ("11:00", "11:45", 0), ("11:15", "12:00", 1), ("11:30", "12:15", 2), ("12:00", "12:30", 0), ("12:00", "12:45", 3),
            ("12:00", "12:45", 4), ("12:30", "13:00", 0),
        };
        var n = 0;
        foreach (var (start, end, room) in sessions)
            await app.AddSessionAsync($"Séance {++n} : sobriété numérique et accessibilité des services publics", $"2027-06-26T{start}", $"2027-06-26T{end}", rooms[room],
                n % 3 == 0 ? [ada] : null, format: n % 2 == 0 ? "workshop" : "talk");
    }

    // The text of every time on the page (rows and sessions), with the number of lines it takes.
    private const string TimeLines = """
        () => [...document.querySelectorAll('.grid time, .grid .when, .grid thead th')].map(e => {
          const r = document.createRange(); r.selectNodeContents(e);
          return { text: e.textContent.trim(), lines: new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size };
        })
        """;

    private sealed record Wrapped(string Text, int Lines);

    [SkippableFact]
    public async Task AMorningOfFiveRoomsAndFourteenSessionsPrintsOnOneLandscapePageWithRowsInProportionToTime()
    {
        using var live = new LiveApp();
        await FiveRoomsFourteenSessionsAsync(live.App);
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        // The page area of A4 landscape between 1 cm margins, in CSS pixels: 277 × 190 mm.
        var page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1047, Height = 718 } });
        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/organisers/agenda/grid");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        Assert.Equal(1, Pdf.PageCount(pdf));
        var text = Pdf.PageTexts(pdf).Single();
        Assert.Contains("09:15", text);
        Assert.Contains("Séance 14", text);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var times = (await page.EvaluateAsync<JsonElement>(TimeLines)).Deserialize<Wrapped[]>(JsonSerializerOptions.Web)!;
        Assert.Equal(16 + 14 + 6, times.Length); // a row every quarter hour, a time range per session, the headers
        Assert.All(times, t => Assert.True(t.Lines == 1 || (t.Text.Contains(' ') && t.Lines <= t.Text.Split(' ').Length), $"'{t.Text}' on {t.Lines} lines"));
        Assert.Contains(times, t => t.Text == "09:15" && t.Lines == 1);
        var heights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.grid tbody tr')].map(r => r.getBoundingClientRect().height)");
        Assert.True(heights.Max() - heights.Min() <= 1.5, $"rows of 15 minutes from {heights.Min():0.#} to {heights.Max():0.#} px high");
        Assert.True(heights.Min() >= 24, $"rows of {heights.Min():0.#} px");
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    public void Dispose() => _app.Dispose();
}
