using System.Net;
using System.Net.Http.Json;
using Events.Api.Attendees;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

/// <summary>The needs summary, the printed attendee list and the badges, as served, and who may see them.</summary>
public sealed class PrintoutTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "4", ["Events:Mail:PollSeconds"] = "0" });

    private async Task<EventsApp.Created> Register(string first, string last, string? needs = null, string? organisation = "Analytical Engines")
    {
        using var client = _app.Client();
        var response = await client.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName = first, lastName = last, email = $"{Guid.NewGuid():N}@example.org", organisation, accessibilityNeeds = needs, consent = true,
        });
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<EventsApp.Created>())!;
    }

    [Fact]
    public void NeedsThatDifferOnlyByCaseAccentsSpacesOrPunctuationAreOneGroupCountedTogether()
    {
        var groups = NeedsSummary.Group(
        [
            new("Fauteuil roulant", "Ada", "Lovelace", "confirmed"),
            new("  fauteuil   ROULANT. ", "Grace", "Hopper", "waitlisted"),
            new("Fauteuil roulant", "Mary", "Jackson", "confirmed"),
            new("Boucle magnétique", "Katherine", "Johnson", "confirmed"),
            new("boucle magnetique !", "Dorothy", "Vaughan", "confirmed"),
            new("Interprète LSF", "Annie", "Easley", "confirmed"),
            new(" … ", "Nobody", "Really", "confirmed"),
        ]);
        Assert.Equal(["Fauteuil roulant", "Boucle magnétique", "Interprète LSF"], groups.Select(g => g.Text));
        Assert.Equal([3, 2, 1], groups.Select(g => g.Count));
        Assert.Equal(1, groups[0].Waiting);
        Assert.Equal(["Hopper", "Jackson", "Lovelace"], groups[0].People.Select(p => p.LastName));
    }

    [Fact]
    public async Task DoorStaffSeeTheNeedsAndTheirCountsButNoNames()
    {
        await Register("Ada", "Lovelace", "Fauteuil roulant");
        await Register("Grace", "Hopper", "fauteuil  roulant.");
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        var page = await door.GetPageAsync("/organisers/needs");
        var row = page.QuerySelector("main tbody tr")!;
        Assert.Equal(["Fauteuil roulant", "2", "0"], row.Children.Select(c => c.TextContent));
        Assert.DoesNotContain("Lovelace", page.QuerySelector("main")!.TextContent);
        Assert.Contains("qu'aux administrateurs", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task AdminsSeeWhoDeclaredEachNeedIncludingThoseWaitingButNotTheCancelled()
    {
        await Register("Ada", "Lovelace", "Interprète LSF");
        var cancelled = await Register("Mary", "Jackson", "interprete lsf");
        for (var i = 0; i < 2; i++) await Register("Seat", $"Taker{i}");
        await Register("Grace", "Hopper", "Interprète LSF"); // waiting: the 4 seats are taken
        using var admin = await _app.SignedInClientAsync();
        (await admin.DeleteAsync($"/api/v1/registrations/{cancelled.ManageCode}")).EnsureSuccessStatusCode(); // Grace takes the seat
        await Register("Katherine", "Johnson", "INTERPRÈTE LSF"); // now waiting

        var page = await admin.GetPageAsync("/organisers/needs");
        var cells = page.QuerySelector("main tbody tr")!.Children.Select(c => c.TextContent).ToList();
        Assert.Equal(["Interprète LSF", "3", "1", "Grace Hopper, Katherine Johnson (liste d'attente), Ada Lovelace"], cells);
    }

    [Fact]
    public async Task ThePrintedListHasTheConfirmedByLastNameThenFirstNameWithTheirOrganisation()
    {
        await Register("Zoé", "Fabre", organisation: "Ville de Rouen");
        await Register("Émile", "Écoffier", organisation: null);
        await Register("Anne", "Dupont", organisation: "Métropole");
        await Register("Albert", "Dupont", organisation: "Métropole");
        await Register("Waiting", "Person"); // capacity 4: on the waiting list
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/attendees/print");
        var rows = page.QuerySelectorAll("main tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(
            [["", "Dupont", "Albert", "Métropole"], ["", "Dupont", "Anne", "Métropole"], ["", "Écoffier", "Émile", ""], ["", "Fabre", "Zoé", "Ville de Rouen"]],
            rows);
        Assert.Contains("4\u00A0personnes confirmées", page.QuerySelector("main")!.TextContent);
        Assert.Contains("Imprimez cette page (Ctrl+P)", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task BadgesComeEightToASheetWithTheQrCodeOnlyWhenAskedFor()
    {
        await using var big = new EventsApp(new() { ["Events:Event:Capacity"] = "20" });
        for (var i = 0; i < 10; i++) await big.RegisterAsync(null, $"Person{i:00}", "Badge");
        using var admin = await big.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/badges");
        Assert.Equal([8, 2], page.QuerySelectorAll("ul.sheet").Select(s => s.Children.Length));
        var first = page.QuerySelector("ul.sheet li")!;
        Assert.Equal(["Person00 Badge", "Analytical Engines", "Matinée du numérique responsable"], first.QuerySelectorAll("p").Select(p => p.TextContent).Take(2).Append(first.QuerySelectorAll("p")[2].TextContent));
        Assert.Empty(page.QuerySelectorAll("svg.qr"));

        var withQr = await admin.GetPageAsync("/organisers/badges?qr=1");
        var qr = withQr.QuerySelectorAll("svg.qr");
        Assert.Equal(10, qr.Length);
        Assert.Equal("QR code du billet de Person00 Badge", qr[0].GetAttribute("aria-label"));
    }

    [Theory]
    [InlineData("/organisers/attendees/print")]
    [InlineData("/organisers/badges")]
    [InlineData("/organisers/badges?qr=1")]
    public async Task ThePrintoutsWithNamesAreForAdminsOnly(string path)
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        var denied = await door.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/organisers/denied", denied.Headers.Location?.AbsolutePath);
        using var anonymous = _app.Client();
        Assert.Equal("/organisers/signin", (await anonymous.GetAsync(path)).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TheOrganiserHomeLinksDoorStaffToTheNeedsAndAdminsToThePrintoutsToo()
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        using var admin = await _app.SignedInClientAsync();
        static async Task<List<string?>> Links(HttpClient c) => (await c.GetPageAsync("/organisers")).QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        var doorLinks = await Links(door);
        Assert.Contains("/organisers/needs", doorLinks);
        Assert.DoesNotContain("/organisers/badges", doorLinks);
        Assert.Contains("/organisers/badges", await Links(admin));
    }

    public void Dispose() => _app.Dispose();
}
