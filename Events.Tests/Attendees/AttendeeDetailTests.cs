using System.Net;
using System.Net.Http.Json;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;

namespace Events.Tests.Attendees;

/// <summary>
/// <c>/organisers/attendees/{id}</c>: what admins do to one registration, each with its effect (status, e-mail queued,
/// the door's roster) and its line in the activity log; door staff read it and are refused every action.
/// </summary>
public sealed class AttendeeDetailTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" });

    private string StatusOf(long id) => _app.Scalar<string>("SELECT status FROM registrations WHERE id = @id", new { id });
    private long Mails(string kind, long id) => _app.Scalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = @kind AND registration_id = @id", new { kind, id });

    private static Dictionary<string, string> Details(string firstName, string lastName = "Lovelace") => new()
    {
        ["firstName"] = firstName, ["lastName"] = lastName, ["organisation"] = "", ["accessibilityNeeds"] = "", ["language"] = "fr",
    };

    [Fact]
    public async Task TheDetailShowsThePersonTheirStatusAndPlaceInTheQueue()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        var waiting = await _app.PersonAsync("Grace", "Hopper", "Navy");
        using var admin = await _app.SignedInClientAsync();

        var page = await admin.GetPageAsync($"/organisers/attendees/{waiting}");
        Assert.Equal("Grace Hopper", page.QuerySelector("h1")!.TextContent);
        var facts = page.QuerySelector(".facts")!.TextContent;
        Assert.Contains("Liste d'attente, position 1", facts);
        Assert.Contains("Navy", facts);
    }

    [Fact]
    public async Task AnUnknownIdIsNotFound()
    {
        using var admin = await _app.SignedInClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/organisers/attendees/999")).StatusCode);
    }

    [Fact]
    public async Task AdminsEditTheDetailsAndTheLogNamesTheFieldsNotTheirValues()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();

        var response = await admin.ActAsync(id, null, values: Details("Augusta Ada"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Augusta Ada", _app.Scalar<string>("SELECT first_name FROM registrations WHERE id = @id", new { id }));
        Assert.Equal([("attendee.edited", (long?)id)], _app.Activity());
        Assert.Equal("firstName", _app.Scalar<string>("SELECT detail FROM activity"));
    }

    [Fact]
    public async Task AnEditThatBreaksTheRulesShowsTheErrorNextToItsField()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();

        var response = await admin.ActAsync(id, null, values: Details(""));
        var page = await Forms.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".field.invalid #firstName"));
        Assert.Contains("#firstName", page.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.Equal("Ada", _app.Scalar<string>("SELECT first_name FROM registrations WHERE id = @id", new { id }));
        Assert.Empty(_app.Activity());
    }

    [Fact]
    public async Task ResendingQueuesTheTicketEmailAndIsRecorded()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();

        var response = await admin.ActAsync(id, "Resend");
        Assert.Equal($"/organisers/attendees/{id}?done=resent#notice", response.Headers.Location!.ToString());
        Assert.Equal(1, Mails("resend", id));
        Assert.Equal([("ticket.resent", (long?)id)], _app.Activity());
    }

    [Fact]
    public async Task ReplacingTheCodeAsksFirstThenTheOldTicketNoLongerOpensTheDoor()
    {
        var code = await _app.TicketAsync();
        var id = _app.Scalar<long>("SELECT id FROM registrations WHERE ticket_code_hash = @hash", new { hash = Events.Api.Security.SecretCode.Hash(code) });
        using var admin = await _app.SignedInClientAsync();

        var page = await admin.GetPageAsync($"/organisers/attendees/{id}");
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=Replace"));
        var unconfirmed = await admin.PostAsync($"/organisers/attendees/{id}?handler=Replace", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! }));
        Assert.Equal($"/organisers/attendees/{id}?confirm=replace#ticket", unconfirmed.Headers.Location!.ToString());
        Assert.Equal(Events.Api.Security.SecretCode.Hash(code), _app.Scalar<string>("SELECT ticket_code_hash FROM registrations WHERE id = @id", new { id }));

        await admin.ActAsync(id, "Replace", "?confirm=replace");
        var scan = await admin.PostAsJsonAsync("/api/v1/checkins", new { code });
        Assert.Equal("unknown", (await scan.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(1, Mails("replaced", id));
        Assert.Equal([("ticket.replaced", (long?)id)], _app.Activity());
    }

    [Fact]
    public async Task CancellingAsksFirstThenGivesTheSeatToTheFirstPersonWaiting()
    {
        var ada = await _app.PersonAsync("Ada", "Lovelace");
        var grace = await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();

        Assert.DoesNotContain((await admin.GetPageAsync($"/organisers/attendees/{ada}")).Forms,
            f => (f.GetAttribute("action") ?? "").Contains("handler=Cancel"));
        await admin.ActAsync(ada, "Cancel", "?confirm=cancel");

        Assert.Equal(("cancelled", "confirmed"), (StatusOf(ada), StatusOf(grace)));
        Assert.Equal(1, Mails("cancelled", ada));
        Assert.Equal(1, Mails("promoted", grace));
        Assert.Equal([("attendee.cancelled", (long?)ada)], _app.Activity());
    }

    [Fact]
    public async Task CheckingInFromThePageIsWhatTheDoorsRosterSees()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();

        await admin.ActAsync(id, "CheckIn");
        var roster = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/checkins/roster");
        var entry = roster.GetProperty("attendees").EnumerateArray().Single();
        Assert.Equal(System.Text.Json.JsonValueKind.String, entry.GetProperty("checkedInAt").ValueKind);
        Assert.Equal([("checkin.done", (long?)id)], _app.Activity());
    }

    [Fact]
    public async Task UndoingACheckInFromThePageIsWhatTheDoorsRosterSees()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(id, "CheckIn");

        await admin.ActAsync(id, "Undo");
        var roster = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/checkins/roster");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, roster.GetProperty("attendees").EnumerateArray().Single().GetProperty("checkedInAt").ValueKind);
        Assert.Equal([("checkin.done", (long?)id), ("checkin.undone", id)], _app.Activity());
    }

    [Fact]
    public async Task PromotingByHandGivesAFreeSeatToThatPersonOutOfTurn()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        var first = await _app.PersonAsync("Grace", "Hopper");
        var second = await _app.PersonAsync("Katherine", "Johnson");
        using (var c = _app.Db.OpenRead()) Dapper.SqlMapper.Execute(c, "UPDATE events SET capacity = 2"); // a seat freed without the usual promotion
        using var admin = await _app.SignedInClientAsync();

        await admin.ActAsync(second, "Promote");
        Assert.Equal(("waitlisted", "confirmed"), (StatusOf(first), StatusOf(second)));
        Assert.Equal(1, Mails("promoted", second));
        Assert.Equal([("attendee.promoted", (long?)second)], _app.Activity());
    }

    [Fact]
    public async Task PromotingByHandWithNoFreeSeatIsRefusedAndAsksForAReason()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        var waiting = await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();

        var response = await admin.ActAsync(waiting, "Promote");
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Aucune place libre (1/1)", page.QuerySelector("#promote ~ form [role=alert]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#overCapacityReason"));
        Assert.Equal("waitlisted", StatusOf(waiting));
        Assert.Empty(_app.Activity());
    }

    [Fact]
    public async Task PromotingOverCapacityWithAReasonConfirmsThePersonAndRecordsWhy()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        var waiting = await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();
        var refused = await Forms.ParseAsync(await admin.ActAsync(waiting, "Promote"));

        await admin.SubmitAsync(refused.Form("Promote"), new Dictionary<string, string> { ["overCapacityReason"] = "Speaker's colleague", ["admit"] = "over-capacity" },
            $"/organisers/attendees/{waiting}");
        Assert.Equal("confirmed", StatusOf(waiting));
        Assert.Equal("Speaker's colleague", _app.Scalar<string>("SELECT reason FROM over_capacity_admissions WHERE registration_id = @waiting", new { waiting }));
        Assert.Equal(2L, _app.Scalar<long>("SELECT confirmed FROM events"));
        Assert.Equal([("attendee.promoted.over_capacity", (long?)waiting)], _app.Activity());
    }

    [Fact]
    public async Task AnOrganisersCancellationIsUndoneOnAFreeSeatOrOverCapacityWithAReason()
    {
        var ada = await _app.PersonAsync("Ada", "Lovelace");
        var grace = await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(ada, "Cancel", "?confirm=cancel");
        Assert.Equal(("cancelled", "confirmed"), (StatusOf(ada), StatusOf(grace))); // Ada's seat went to Grace

        var refused = await Forms.ParseAsync(await admin.ActAsync(ada, "Reinstate"));
        Assert.Contains("Aucune place libre (1/1)", refused.QuerySelector("#reinstate ~ form [role=alert]")!.TextContent);
        Assert.Equal("cancelled", StatusOf(ada));
        var reinstated = await admin.SubmitAsync(refused.Form("Reinstate"),
            new Dictionary<string, string> { ["overCapacityReason"] = "Cancelled by mistake", ["admit"] = "over-capacity" }, $"/organisers/attendees/{ada}");
        Assert.Equal($"/organisers/attendees/{ada}?done=reinstated#notice", reinstated.Headers.Location!.OriginalString);
        Assert.Equal(("confirmed", "confirmed"), (StatusOf(ada), StatusOf(grace)));
        Assert.Equal(2L, _app.Scalar<long>("SELECT confirmed FROM events"));
        Assert.Equal("Cancelled by mistake", _app.Scalar<string>("SELECT reason FROM over_capacity_admissions WHERE registration_id = @ada", new { ada }));
        Assert.Equal(1, Mails("reinstated", ada));
        Assert.Equal(("attendee.reinstated_over_capacity", (long?)ada), _app.Activity()[^1]);
        await _app.DrainMailAsync();
        var mail = _app.PickedUp().Last(m => (m.Subject ?? "").StartsWith("Votre inscription est rétablie"));
        Assert.Contains("a rétabli votre inscription", mail.TextBody);
        Assert.Contains("/ticket/", mail.TextBody);
        Assert.DoesNotContain("s'est libérée", mail.TextBody);

        await admin.ActAsync(ada, "Cancel", "?confirm=cancel"); // and again, with a seat free this time
        Assert.Equal(1L, _app.Scalar<long>("SELECT confirmed FROM events"));
        using (var c = _app.Db.OpenRead()) Dapper.SqlMapper.Execute(c, "UPDATE events SET capacity = 2");
        await admin.ActAsync(ada, "Reinstate");
        Assert.Equal("confirmed", StatusOf(ada));
        Assert.Equal(("attendee.reinstated", (long?)ada), _app.Activity()[^1]);
    }

    [Fact]
    public async Task ACancellationIsNotUndoneWhenThePersonHasRegisteredAgain()
    {
        var ada = await _app.PersonAsync("Ada", "Lovelace", email: "ada@example.org");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(ada, "Cancel", "?confirm=cancel");
        var again = await _app.PersonAsync("Ada", "Lovelace", email: "ada@example.org");

        var response = await admin.ActAsync(ada, "Reinstate");
        Assert.Equal($"/organisers/attendees/{ada}?done=registered-again#notice", response.Headers.Location!.OriginalString);
        Assert.Equal(("cancelled", "confirmed"), (StatusOf(ada), StatusOf(again)));
    }

    [Fact]
    public async Task DoorStaffReadTheDetailWithoutAnyActionForm()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var door = await _app.DoorClientAsync();

        var page = await door.GetPageAsync($"/organisers/attendees/{id}?confirm=cancel");
        Assert.Equal("Ada Lovelace", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("main form:not([role=search])"), f => f.GetAttribute("method") == "post"); // a search, at most
    }

    [Theory]
    [InlineData("")]
    [InlineData("Resend")]
    [InlineData("Replace")]
    [InlineData("Cancel")]
    [InlineData("CheckIn")]
    [InlineData("Undo")]
    [InlineData("Promote")]
    [InlineData("Reinstate")]
    public async Task DoorStaffAreRefusedEveryAction(string handler)
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var door = await _app.DoorClientAsync();
        var token = (await door.GetPageAsync("/organisers/attendees")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await door.PostAsync($"/organisers/attendees/{id}" + (handler == "" ? "" : "?handler=" + handler), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirmed"] = "true", ["firstName"] = "Mallory", ["lastName"] = "X" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("confirmed", StatusOf(id));
        Assert.Empty(_app.Activity());
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var anonymous = _app.Client();
        var response = await anonymous.GetAsync($"/organisers/attendees/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/organisers/signin", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    public void Dispose() => _app.Dispose();
}
