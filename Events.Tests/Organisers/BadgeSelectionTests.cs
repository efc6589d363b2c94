using AngleSharp.Html.Dom;
using Events.Tests.Attendees;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

/// <summary>
/// Badges for fewer than everyone: one reprinted from an attendee's page, or those the attendee list shows (its status
/// filter by address, its search by POST, since names stay out of addresses).
/// </summary>
public sealed class BadgeSelectionTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "3", ["Events:Mail:PollSeconds"] = "0" });

    private static List<string> Badges(IHtmlDocument page) => page.QuerySelectorAll("ul.sheet li p:first-child").Select(p => p.TextContent).ToList();

    [Fact]
    public async Task AnAttendeesPageLinksToTheirBadgeAloneByTheRegistrationsId()
    {
        var ada = await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();

        var detail = await admin.GetPageAsync($"/organisers/attendees/{ada}");
        var link = detail.QuerySelectorAll("main a").Single(a => a.TextContent == "Imprimer son badge").GetAttribute("href");
        Assert.Equal($"/organisers/badges?registration={ada}", link);
        var badge = await admin.GetPageAsync(link!);
        Assert.Equal(["Ada Lovelace"], Badges(badge));
        Assert.Contains("1\u00A0badge", badge.QuerySelector("main")!.TextContent);
        // The QR choice keeps to that one badge.
        var form = badge.FormWith("qr");
        Assert.Equal(ada.ToString(), form.QuerySelector("input[name=registration]")!.GetAttribute("value"));
        Assert.Equal(["Ada Lovelace"], Badges(await admin.GetPageAsync($"/organisers/badges?registration={ada}&qr=1")));
    }

    [Fact]
    public async Task OnlyAConfirmedRegistrationHasABadgeToPrint()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        await _app.PersonAsync("Katherine", "Johnson");
        var waiting = await _app.PersonAsync("Mary", "Jackson"); // capacity 3: on the waiting list
        using var admin = await _app.SignedInClientAsync();
        Assert.Empty(Badges(await admin.GetPageAsync($"/organisers/badges?registration={waiting}")));
        Assert.Empty(Badges(await admin.GetPageAsync("/organisers/badges?registration=999999")));
        Assert.DoesNotContain((await admin.GetPageAsync($"/organisers/attendees/{waiting}")).QuerySelectorAll("main a"), a => a.TextContent == "Imprimer son badge");
    }

    [Fact]
    public async Task TheListLinksToTheBadgesOfItsStatusFilterAndTheBadgesPageReadsItTheSameWay()
    {
        var ada = await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        await _app.PersonAsync("Katherine", "Johnson");
        await _app.PersonAsync("Mary", "Jackson"); // waiting
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(ada, "CheckIn");

        foreach (var (status, names) in new[]
                 {
                     ("arrived", new[] { "Ada Lovelace" }),
                     ("absent", ["Grace Hopper", "Katherine Johnson"]),
                     ("confirmed", ["Grace Hopper", "Katherine Johnson", "Ada Lovelace"]),
                 })
        {
            var list = await admin.GetPageAsync($"/organisers/attendees?status={status}");
            var link = list.QuerySelectorAll("main a").Single(a => a.TextContent == "Imprimer les badges de cette liste").GetAttribute("href");
            Assert.Equal($"/organisers/badges?status={status}", link);
            Assert.Equal(names, Badges(await admin.GetPageAsync(link!)));
        }
        // Nobody waiting or cancelled holds a seat: those lists offer no badges.
        Assert.DoesNotContain((await admin.GetPageAsync("/organisers/attendees?status=waitlisted")).QuerySelectorAll("main a"), a => a.TextContent.Contains("badges"));
        Assert.Empty(Badges(await admin.GetPageAsync("/organisers/badges?status=waitlisted")));
    }

    [Fact]
    public async Task ASearchedListPrintsItsBadgesByPostAndTheSearchNeverReachesAnAddress()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();
        var list = await admin.GetPageAsync("/organisers/attendees");
        var searched = await admin.SubmitAsync(list.FormWith("q"), new Dictionary<string, string> { ["q"] = "lovel" }, "/organisers/attendees");
        var results = await admin.GetPageAsync(searched.Headers.Location!.OriginalString); // the kept search's page

        Assert.DoesNotContain(results.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("lovel"));
        var print = results.Forms.Single(f => f.GetAttribute("action") == "/organisers/badges");
        Assert.Equal("post", print.Method);
        var badges = await admin.SubmitAsync(print, new Dictionary<string, string>(), "/organisers/attendees");
        Assert.Null(badges.Headers.Location); // rendered, not redirected to an address carrying the search
        var page = await Forms.ParseAsync(badges);
        Assert.Equal(["Ada Lovelace"], Badges(page));
        // Adding the QR codes posts the search again rather than putting it in the address.
        var qr = page.FormWith("qr");
        Assert.Equal("post", qr.Method);
        Assert.Equal("lovel", qr.QuerySelector("input[name=q]")!.GetAttribute("value"));
        Assert.Single(Badges(await Forms.ParseAsync(await admin.SubmitAsync(qr, new Dictionary<string, string> { ["qr"] = "1" }, "/organisers/badges"))));

        // A search typed into an address is ignored: every confirmed person's badge.
        Assert.Equal(2, Badges(await admin.GetPageAsync("/organisers/badges?q=lovel")).Count);
    }

    [Fact]
    public async Task DoorStaffAreNotOfferedBadges()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        using var door = await _app.DoorClientAsync();
        Assert.DoesNotContain((await door.GetPageAsync("/organisers/attendees?status=confirmed")).QuerySelectorAll("main a, main form"),
            e => (e.GetAttribute("href") ?? e.GetAttribute("action") ?? "").StartsWith("/organisers/badges"));
    }

    public void Dispose() => _app.Dispose();
}
