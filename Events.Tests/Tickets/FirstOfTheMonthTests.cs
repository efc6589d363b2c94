using Events.Tests.Infrastructure;
using Events.Tests.Mail;

namespace Events.Tests.Tickets;

/// <summary>One date writer for pages and e-mails: French writes the first of the month "1er" in both.</summary>
public sealed class FirstOfTheMonthTests : IDisposable
{
    private readonly EventsApp _app = new(new()
    {
        ["Events:Mail:PollSeconds"] = "0",
        ["Events:Event:StartsAt"] = "2027-06-01T08:30:00+02:00",
        ["Events:Event:EndsAt"] = "2027-06-01T12:30:00+02:00",
    });

    [Fact]
    public async Task TheTicketEmailAndThePagesSayMardi1erJuin()
    {
        var created = await _app.RegisterAsync("ada@example.org");
        await _app.DrainMailAsync();

        var mail = Assert.Single(_app.PickedUp());
        Assert.Contains("mardi 1er juin 2027", mail.TextBody);
        using var client = _app.Client();
        var page = await client.GetPageAsync($"/manage/{created.ManageCode}");
        Assert.Contains("mardi 1er juin 2027", page.QuerySelector(".facts")!.TextContent);
    }

    public void Dispose() => _app.Dispose();
}
