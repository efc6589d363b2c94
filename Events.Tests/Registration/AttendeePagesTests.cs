using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Events.Tests.Agenda;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;

namespace Events.Tests.Registration;

/// <summary>
/// The attendee's pages answer the next question: what, when and where after registering, with the ticket, the
/// management link and the calendar one tap away; what happened after cancelling; and a question before the ticket
/// in people's hands stops working.
/// </summary>
public sealed class AttendeePagesTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task TheConfirmationShowsTheEventItsDateAndPlaceAndLinksAsButtons()
    {
        var created = await _app.RegisterAsync("ada@example.org");
        using var client = _app.Client();
        var page = await client.GetPageAsync($"/registered/{created.ManageCode}");
        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("Matinée du numérique responsable", main);
        Assert.Contains("samedi 26 juin 2027, de 08:30 à 12:30", main);
        Assert.Contains("Seine InnoPolis", main);
        var buttons = page.QuerySelectorAll("main a.button").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/ticket/{_app.TicketCodeOf(created.ManageCode)}", buttons);
        Assert.Contains($"/manage/{created.ManageCode}", buttons);
        Assert.Contains($"/registered/{created.ManageCode}/calendar.ics", buttons);
        Assert.DoesNotContain("http://", main); // no raw 50-character address any more

        var calendar = await client.GetAsync($"/registered/{created.ManageCode}/calendar.ics");
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Matinée du numérique responsable", ics);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270626T083000", ics);
    }

    [Fact]
    public async Task OnTheWaitingListTheConfirmationGivesThePositionAndNoTicket()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "0" });
        await app.RegisterAsync("first@example.org");
        var second = await app.RegisterAsync("second@example.org");
        using var client = app.Client();
        var page = await client.GetPageAsync($"/registered/{second.ManageCode}");
        Assert.Contains("position 2", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("2", page.QuerySelector(".facts dt:last-of-type + dd")!.TextContent);
        Assert.Null(page.QuerySelector("a[href^='/ticket/']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/registered/{second.ManageCode}/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task TheManagePageSaysWhatTheRegistrationIsForAndWhen()
    {
        var created = await _app.RegisterAsync();
        using var client = _app.Client();
        var facts = (await client.GetPageAsync($"/manage/{created.ManageCode}")).QuerySelector(".facts")!.TextContent;
        Assert.Contains("Matinée du numérique responsable", facts);
        Assert.Contains("samedi 26 juin 2027", facts);
        Assert.Contains("Seine InnoPolis", facts);
    }

    [Fact]
    public async Task ReplacingTheTicketCodeAsksFirstAndAPostThatSkipsTheQuestionChangesNothing()
    {
        var created = await _app.RegisterAsync();
        var code = _app.TicketCodeOf(created.ManageCode);
        using var client = _app.Client();
        var manage = await client.GetPageAsync($"/manage/{created.ManageCode}");
        Assert.DoesNotContain(manage.Forms, f => (f.GetAttribute("action") ?? "").Contains("handler=replace"));
        Assert.NotNull(manage.FormWith("confirm")); // a plain link-like form: GET ?confirm=replace

        var skipped = await client.PostWithTokenAsync(manage, $"/manage/{created.ManageCode}?handler=replace");
        Assert.Equal(HttpStatusCode.Redirect, skipped.StatusCode);
        Assert.Equal($"/manage/{created.ManageCode}?confirm=replace#replace", skipped.Headers.Location!.OriginalString);
        Assert.Equal(code, _app.TicketCodeOf(created.ManageCode));

        var question = await client.GetPageAsync($"/manage/{created.ManageCode}?confirm=replace");
        Assert.Contains("ne fonctionnera plus", question.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(question.QuerySelector($"a[href='/manage/{created.ManageCode}']")); // "No, keep my ticket"
    }

    [Fact]
    public async Task ACancelledRegistrationSaysWhatHappenedAndHowToRegisterAgain()
    {
        var created = await _app.RegisterAsync();
        await _app.Services.GetRequiredService<Events.Api.Registration.RegistrationService>().CancelAsync(created.ManageCode);
        using var client = _app.Client();
        var page = await client.GetPageAsync($"/manage/{created.ManageCode}");
        Assert.Contains("ne fonctionne plus", page.QuerySelector(".notice")!.TextContent);
        Assert.Equal("/#register", page.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("main form"));
    }

    public void Dispose() => _app.Dispose();
}
