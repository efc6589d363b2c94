using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Dapper;
using Events.Api.Registration;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Events.Tests.CheckIn;

/// <summary>
/// Walk-ins at the door: registered until the event ends whatever the online window, checked in at once, never put
/// on the waiting list; admitted over capacity only with a reason, which the dashboard shows.
/// </summary>
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

    private static Dictionary<string, string> OverCapacity(string email, string reason)
    {
        var values = Person(email);
        values["overCapacityReason"] = reason;
        values["admit"] = "over-capacity";
        return values;
    }

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
        var result = await WalkInAsync(admin, Person("late@example.org"));

        Assert.Contains("Complet", result.QuerySelector("[role=alert]")!.TextContent);
        Assert.Null(result.QuerySelector(".verdict-ok"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE email = 'late@example.org'"));
    }

    [Fact]
    public async Task AFullEventIsSaidPlainlyAndAsksForAReasonKeepingWhatWasTyped()
    {
        await _app.RegisterAsync("first@example.org");
        using var admin = await _app.SignedInClientAsync();
        long mailBefore;
        using (var c = _app.Db.OpenRead()) mailBefore = c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox");

        var result = await WalkInAsync(admin, Person("late@example.org"));

        Assert.Equal("Complet\u00A0: plus aucune place (1/1). Pour faire entrer cette personne malgré tout, indiquez un motif.",
            result.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal("late@example.org", result.QuerySelector<IHtmlInputElement>("#email")!.Value);
        Assert.Equal("Hedy", result.QuerySelector<IHtmlInputElement>("#firstName")!.Value);
        Assert.True(result.QuerySelector<IHtmlInputElement>("#consent")!.IsChecked);
        var reason = result.QuerySelector<IHtmlInputElement>("#overCapacityReason")!;
        Assert.True(reason.IsRequired);
        Assert.Equal(200, reason.MaxLength);
        Assert.Contains(result.QuerySelectorAll("form button[type=submit]"), b => b.TextContent == "Faire entrer en surnombre");

        using var after = _app.Db.OpenRead();
        Assert.Equal((1L, 0L), after.QuerySingle<(long, long)>("SELECT confirmed, waitlisted FROM events"));
        Assert.Equal(0L, after.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE email = 'late@example.org'"));
        Assert.Equal(mailBefore, after.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(0L, after.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
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
    public async Task WithAReasonAWalkInIsAdmittedOverCapacityCheckedInAndShownOnTheDashboard()
    {
        await _app.RegisterAsync("first@example.org");
        var doorId = await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");

        var result = await WalkInAsync(door, OverCapacity("hedy@example.org", "  Intervenante invitée  "));

        Assert.Contains("Hedy Lamarr", result.QuerySelector(".verdict-ok")!.TextContent);
        Assert.Contains("surnombre", result.QuerySelector("[role=status]")!.TextContent);
        using (var c = _app.Db.OpenRead())
        {
            Assert.Equal((2L, 1L), c.QuerySingle<(long, long)>("SELECT confirmed, capacity FROM events"));
            var id = c.ExecuteScalar<long>("SELECT id FROM registrations WHERE email = 'hedy@example.org' AND status = 'confirmed'");
            Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins WHERE registration_id = @id", new { id }));
            Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'admitted' AND registration_id = @id", new { id })); // its own words, not "your seat is confirmed"
            var (reason, by, at) = c.QuerySingle<(string, long, string)>(
                "SELECT reason, organiser_id, admitted_at FROM over_capacity_admissions WHERE registration_id = @id", new { id });
            Assert.Equal(("Intervenante invitée", doorId), (reason, by));
            Assert.Equal(OnTheDay, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        }

        using var admin = await _app.SignedInClientAsync();
        var dashboard = await admin.GetPageAsync("/organisers/dashboard");
        var facts = dashboard.QuerySelectorAll(".facts dt").Zip(dashboard.QuerySelectorAll(".facts dd")).ToDictionary(p => p.First.TextContent, p => p.Second.TextContent.Trim());
        Assert.Equal("1", facts["Entrées en surnombre"]);
        var row = Assert.Single(dashboard.QuerySelectorAll("table.over-capacity tbody tr"));
        Assert.Equal(new[] { "Hedy Lamarr", "Intervenante invitée", "10:00", "door@example.org" }, row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Theory]
    [InlineData("", "Ce champ est obligatoire.")]
    [InlineData("   ", "Ce champ est obligatoire.")]
    [InlineData("201", "Ce texte est trop long.")]
    public async Task AMissingOrTooLongReasonIsExplainedNextToTheFieldAndNobodyIsLetIn(string reason, string message)
    {
        await _app.RegisterAsync("first@example.org");
        using var admin = await _app.SignedInClientAsync();

        var result = await WalkInAsync(admin, OverCapacity("late@example.org", reason == "201" ? new string('x', 201) : reason));

        Assert.Equal(message, result.QuerySelector("#overCapacityReason-error")!.TextContent);
        Assert.Contains("overCapacityReason-error", result.QuerySelector("#overCapacityReason")!.GetAttribute("aria-describedby"));
        Assert.Equal("late@example.org", result.QuerySelector<IHtmlInputElement>("#email")!.Value);
        Assert.Null(result.QuerySelector(".verdict-ok"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE email = 'late@example.org'"));
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT confirmed FROM events"));
    }

    [Fact]
    public async Task WhileStillOverCapacityACancellationPromotesNobody()
    {
        var holder = await _app.RegisterAsync("holder@example.org");
        var waiting = await _app.RegisterAsync("waiting@example.org");
        Assert.Equal("waitlisted", waiting.Status);
        using var admin = await _app.SignedInClientAsync();
        await WalkInAsync(admin, OverCapacity("hedy@example.org", "Presse"));
        string walkIn;
        using (var c = _app.Db.OpenRead()) walkIn = _app.Opened(c.ExecuteScalar<string>("SELECT codes_sealed FROM registrations WHERE email = 'hedy@example.org'"))!.Manage;

        (await admin.DeleteAsync($"/api/v1/registrations/{holder.ManageCode}")).EnsureSuccessStatusCode(); // 2/1 → 1/1: still full

        using (var c = _app.Db.OpenRead())
        {
            Assert.Equal((1L, 1L), c.QuerySingle<(long, long)>("SELECT confirmed, waitlisted FROM events"));
            Assert.Equal("waitlisted", c.ExecuteScalar<string>("SELECT status FROM registrations WHERE email = 'waiting@example.org'"));
            Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'promoted'"));
        }

        (await admin.DeleteAsync($"/api/v1/registrations/{walkIn}")).EnsureSuccessStatusCode(); // 1/1 → 0/1: a seat at last
        using (var c = _app.Db.OpenRead())
        {
            Assert.Equal((1L, 0L), c.QuerySingle<(long, long)>("SELECT confirmed, waitlisted FROM events"));
            Assert.Equal("confirmed", c.ExecuteScalar<string>("SELECT status FROM registrations WHERE email = 'waiting@example.org'"));
        }
    }

    [Fact]
    public async Task AFreedSeatIsTakenNormallyEvenWhenAReasonIsGiven()
    {
        using var admin = await _app.SignedInClientAsync();

        var result = await WalkInAsync(admin, OverCapacity("hedy@example.org", "Presse"));

        Assert.NotNull(result.QuerySelector(".verdict-ok"));
        Assert.DoesNotContain("surnombre", result.QuerySelector("[role=status]")!.TextContent);
        using var c = _app.Db.OpenRead();
        Assert.Equal((1L, 1L), c.QuerySingle<(long, long)>("SELECT confirmed, capacity FROM events"));
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM over_capacity_admissions"));
    }

    [Fact]
    public async Task AWalkInWithAnAddressAlreadyRegisteredKeepsTheDuplicateMessage()
    {
        await _app.RegisterAsync("hedy@example.org");
        using var admin = await _app.SignedInClientAsync();

        var result = await WalkInAsync(admin, OverCapacity("Hedy@Example.org", "Presse"));

        Assert.Equal("Cette adresse est déjà inscrite\u00A0: cherchez la personne par son nom sur la page du scanner.",
            result.QuerySelector("[role=alert]")!.TextContent.Trim());
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations"));
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM over_capacity_admissions"));
    }

    [Fact]
    public async Task AReasonIsErasedWithTheNamesThreeMonthsAfterTheEventWhileTheAdmissionIsStillCounted()
    {
        await _app.RegisterAsync("first@example.org");
        using var admin = await _app.SignedInClientAsync();
        await WalkInAsync(admin, OverCapacity("hedy@example.org", "Venue avec Ada Lovelace"));

        _clock.Now = OnTheDay.AddMonths(3).AddDays(1);
        await _app.Services.GetRequiredService<Retention>().ApplyAsync();

        using var c = _app.Db.OpenRead();
        Assert.Equal("", c.ExecuteScalar<string>("SELECT reason FROM over_capacity_admissions"));
        Assert.Equal((2L, 1L), c.QuerySingle<(long, long)>("SELECT confirmed, capacity FROM events"));
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

    [SkippableFact]
    public async Task AxeCoreFindsNoViolationWhenTheDoorIsAskedForAReason()
    {
        using var live = new LiveApp(new() { ["Events:Event:Capacity"] = "1" });
        await live.TicketAsync("Ada", "Lovelace");
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var (context, page) = await browser.OpenContextAsync();
        await using var ___ = context;

        await page.SignInAsync(live.BaseUrl);
        await page.GotoAsync(live.BaseUrl + "/door/walk-in");
        await page.Locator("#firstName").FillAsync("Hedy");
        await page.Locator("#lastName").FillAsync("Lamarr");
        await page.Locator("#email").FillAsync("hedy@example.org");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#overCapacityReason")).ToBeVisibleAsync();
        await Browser.AssertNoAccessibilityViolationsAsync(page);

        await page.Locator("#overCapacityReason").PressAsync("Enter"); // the admission button, with no reason
        await Assertions.Expect(page.Locator("#overCapacityReason-error")).ToBeVisibleAsync();
        await Browser.AssertNoAccessibilityViolationsAsync(page);

        await page.Locator("#overCapacityReason").FillAsync("Intervenante invitée");
        await page.Locator("#overCapacityReason").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".verdict-ok")).ToContainTextAsync("Hedy Lamarr");
    }

    public void Dispose() => _app.Dispose();
}
