using System.Net;
using AngleSharp.Html.Dom;
using Events.Tests.Infrastructure;

namespace Events.Tests.Attendees;

/// <summary>
/// <c>/organisers/attendees</c>: filters by status, an accent-free search, three orders, 50 a page, counts, the export
/// of what is shown; the search never reaches an address.
/// </summary>
public sealed class AttendeeListTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "100", ["Events:Mail:PollSeconds"] = "0" });

    /// <summary>120 people: 100 confirmed (registered first), then 20 on the waiting list.</summary>
    private async Task SeedCrowdAsync()
    {
        for (var i = 0; i < 120; i++) await _app.PersonAsync($"Person{i:000}", $"Crowd{i:000}");
    }

    private static IReadOnlyList<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>Posts a search from the list's form, follows the redirect to the kept search's address, and reads that page.</summary>
    private static async Task<IHtmlDocument> SearchAsync(HttpClient client, string q, Dictionary<string, string>? more = null) =>
        (await SearchWithAddressAsync(client, q, more)).Page;

    private static async Task<(IHtmlDocument Page, string Address)> SearchWithAddressAsync(HttpClient client, string q, Dictionary<string, string>? more = null)
    {
        var page = await client.GetPageAsync("/organisers/attendees");
        var values = new Dictionary<string, string>(more ?? []) { ["q"] = q };
        var response = await client.SubmitAsync(page.FormWith("q"), values, "/organisers/attendees");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var address = response.Headers.Location!.OriginalString;
        Assert.Contains("search=", address);
        if (q.Trim().Length > 0) Assert.DoesNotContain(Uri.EscapeDataString(q.Trim()), address, StringComparison.OrdinalIgnoreCase);
        return (await client.GetPageAsync(address), address);
    }

    [Fact]
    public async Task TheListShowsFiftyRegistrationsAPageAndPagesThroughTheRest()
    {
        await SeedCrowdAsync();
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(50, Names(await admin.GetPageAsync("/organisers/attendees")).Count);
        Assert.Equal(50, Names(await admin.GetPageAsync("/organisers/attendees?page=2")).Count);
        var last = await admin.GetPageAsync("/organisers/attendees?page=3");
        Assert.Equal(20, Names(last).Count);
        Assert.Equal("Crowd119 Person119", Names(last)[^1]);
        Assert.Null(last.QuerySelector("a[href*='page=4']"));
    }

    [Fact]
    public async Task TheStatusFilterKeepsOnlyThatStatusAndTheCountsSayHowManyHaveEach()
    {
        await SeedCrowdAsync();
        using var admin = await _app.SignedInClientAsync();

        var page = await admin.GetPageAsync("/organisers/attendees?status=waitlisted");
        Assert.Equal(20, Names(page).Count);
        Assert.All(page.QuerySelectorAll("tbody tr"), row => Assert.Contains("Liste d'attente", row.TextContent));
        var counts = page.QuerySelector("nav.filters")!.TextContent;
        Assert.Contains("Toutes (120)", counts);
        Assert.Contains("Confirmées (100)", counts);
        Assert.Contains("En liste d'attente (20)", counts);
        Assert.Contains("Annulées (0)", counts);
    }

    [Fact]
    public async Task ArrivedAndAbsentSplitTheConfirmedByCheckIn()
    {
        var ada = await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(ada, "CheckIn");

        Assert.Equal(["Lovelace Ada"], Names(await admin.GetPageAsync("/organisers/attendees?status=arrived")));
        Assert.Equal(["Hopper Grace"], Names(await admin.GetPageAsync("/organisers/attendees?status=absent")));
    }

    [Fact]
    public async Task SortingByNameIgnoresAccents()
    {
        await _app.PersonAsync("Zoé", "Fabre");
        await _app.PersonAsync("Élodie", "Écuyer");
        await _app.PersonAsync("Jean", "Dupont");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(["Dupont Jean", "Écuyer Élodie", "Fabre Zoé"], Names(await admin.GetPageAsync("/organisers/attendees?sort=name")));
    }

    [Fact]
    public async Task SortingByDateFollowsTheOrderOfRegistration()
    {
        await _app.PersonAsync("Zoé", "Fabre");
        await _app.PersonAsync("Jean", "Dupont");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(["Fabre Zoé", "Dupont Jean"], Names(await admin.GetPageAsync("/organisers/attendees?sort=date")));
    }

    [Fact]
    public async Task SortingByStatusPutsConfirmedThenWaitingThenCancelled()
    {
        using var small = new EventsApp(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" });
        var cancelled = await small.PersonAsync("Ada", "Aaa");
        await small.PersonAsync("Bob", "Bbb");
        await small.PersonAsync("Cyd", "Ccc");
        using var admin = await small.SignedInClientAsync();
        await admin.ActAsync(cancelled, "Cancel", "?confirm=cancel");

        Assert.Equal(["Bbb Bob", "Ccc Cyd", "Aaa Ada"], Names(await admin.GetPageAsync("/organisers/attendees?sort=status")));
    }

    [Fact]
    public async Task EachSortableColumnsHeaderLinksToItsOrderAndTheSortedOneSaysWhichWayAndLinksToTheOtherWay()
    {
        await _app.PersonAsync("Zoé", "Fabre");
        await _app.PersonAsync("Élodie", "Écuyer");
        await _app.PersonAsync("Jean", "Dupont");
        using var admin = await _app.SignedInClientAsync();

        var page = await admin.GetPageAsync("/organisers/attendees?status=confirmed");
        var headers = page.QuerySelectorAll("thead th");
        Assert.Equal("ascending", headers[0].GetAttribute("aria-sort"));
        Assert.Equal("/organisers/attendees?status=confirmed&dir=desc", headers[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(headers[3].GetAttribute("aria-sort"));
        Assert.Equal("/organisers/attendees?status=confirmed&sort=status", headers[3].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/organisers/attendees?status=confirmed&sort=date", headers[4].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(headers[1].QuerySelector("a")); // the address and the organisation do not sort

        var reversed = await admin.GetPageAsync("/organisers/attendees?status=confirmed&dir=desc");
        Assert.Equal(["Fabre Zoé", "Écuyer Élodie", "Dupont Jean"], Names(reversed));
        Assert.Equal("descending", reversed.QuerySelector("thead th")!.GetAttribute("aria-sort"));
        Assert.Equal("/organisers/attendees?status=confirmed", reversed.QuerySelector("thead th a")!.GetAttribute("href"));
        Assert.Equal(["Dupont Jean", "Écuyer Élodie", "Fabre Zoé"], Names(await admin.GetPageAsync("/organisers/attendees?sort=date&dir=desc")));
    }

    [Fact]
    public async Task WhileASearchIsOnTheHeadersLinkToItsIdWithTheirOrder()
    {
        await _app.PersonAsync("Jean", "Dupont", "Métropole Rouen Normandie");
        await _app.PersonAsync("Marie", "Curie", "Métropole Rouen Normandie");
        using var admin = await _app.SignedInClientAsync();

        var (page, address) = await SearchWithAddressAsync(admin, "metropole");
        var byName = page.QuerySelector("thead th a")!.GetAttribute("href")!;
        Assert.Contains(address[address.IndexOf("search=", StringComparison.Ordinal)..].Split('&')[0], byName);
        Assert.Contains("dir=desc", byName);
        Assert.DoesNotContain("metropole", byName);
        Assert.Equal(["Dupont Jean", "Curie Marie"], Names(await admin.GetPageAsync(byName)));
    }

    [Fact]
    public async Task TheSearchIgnoresAccentsAndCaseInNames()
    {
        await _app.PersonAsync("Élodie", "Martin");
        await _app.PersonAsync("Eloi", "Bernard");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(["Martin Élodie"], Names(await SearchAsync(admin, "elodie")));
    }

    [Fact]
    public async Task TheSearchFindsAnOrganisationWithoutItsAccents()
    {
        await _app.PersonAsync("Jean", "Dupont", "Métropole Rouen Normandie");
        await _app.PersonAsync("Marie", "Curie", "Institut du Radium");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(["Dupont Jean"], Names(await SearchAsync(admin, "MÉTRO")));
        Assert.Equal(["Dupont Jean"], Names(await SearchAsync(admin, "metro")));
    }

    [Fact]
    public async Task TheSearchFindsAnEmailAddress()
    {
        await _app.PersonAsync("Jean", "Dupont", email: "jean.dupont@example.org");
        await _app.PersonAsync("Marie", "Curie");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(["Dupont Jean"], Names(await SearchAsync(admin, "jean.dupont@")));
    }

    [Fact]
    public async Task TheSearchNeverAppearsInAnAddressButBackReloadAndPagingWork()
    {
        for (var i = 0; i < 60; i++) await _app.PersonAsync($"Person{i:00}", "Secretname");
        using var admin = await _app.SignedInClientAsync();

        var (page, address) = await SearchWithAddressAsync(admin, "secretname");
        Assert.Equal(50, Names(page).Count);
        Assert.All(page.QuerySelectorAll("[href]"), a => Assert.DoesNotContain("secretname", a.GetAttribute("href")!, StringComparison.OrdinalIgnoreCase));
        Assert.All(page.Forms, f => Assert.DoesNotContain("secretname", f.GetAttribute("action") ?? "", StringComparison.OrdinalIgnoreCase));

        var next = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Page suivante" || (a.GetAttribute("href") ?? "").Contains("page=2")).GetAttribute("href")!;
        Assert.Contains("search=", next);
        Assert.Equal(10, Names(await admin.GetPageAsync(next)).Count);
        Assert.Equal(50, Names(await admin.GetPageAsync(address)).Count); // Back (or a reload): the same GET, the same people

        await _app.CreateOrganiserAsync("door@example.org", "door"); // the id opens nothing for anyone else
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        var foreign = await door.GetPageAsync(address);
        Assert.Contains("n'est plus gardée", foreign.QuerySelector(".notice[role=status]")!.TextContent);
        Assert.Null(foreign.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnEmptySearchGoesBackToTheFiltersAddress()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/attendees");
        var response = await admin.SubmitAsync(page.FormWith("q"), new Dictionary<string, string> { ["q"] = " ", ["status"] = "cancelled", ["sort"] = "date" }, "/organisers/attendees");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/organisers/attendees?status=cancelled&sort=date", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ASearchInTheAddressIsIgnored()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(2, Names(await admin.GetPageAsync("/organisers/attendees?q=ada")).Count);
    }

    [Fact]
    public async Task NobodyMatchingSaysSoPlainly()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();

        var page = await SearchAsync(admin, "nobody by that name");
        Assert.Null(page.QuerySelector("table"));
        Assert.Contains("Aucune inscription ne correspond", page.QuerySelector(".notice")!.TextContent);
    }

    [Fact]
    public async Task EachRowLinksToThatRegistrationsPage()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal($"/organisers/attendees/{id}", (await admin.GetPageAsync("/organisers/attendees")).QuerySelector("tbody th a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task DoorStaffSeeTheListButNotTheExport()
    {
        await _app.PersonAsync("Ada", "Lovelace");
        using var door = await _app.DoorClientAsync();

        var page = await door.GetPageAsync("/organisers/attendees");
        Assert.Single(Names(page));
        Assert.DoesNotContain(page.Forms, f => (f.GetAttribute("action") ?? "").Contains("Export"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var export = await door.PostAsync("/organisers/attendees?handler=Export",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
    }

    [Fact]
    public async Task DoorStaffFindPeopleByNameButNeverSeeOrSearchTheirAddresses()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace", email: "countess.analytical@example.org");
        await _app.PersonAsync("Charles", "Babbage", email: "charles@ada-engines.example");
        using var door = await _app.DoorClientAsync();

        var list = await door.GetPageAsync("/organisers/attendees");
        Assert.DoesNotContain("@", list.QuerySelector("table")!.TextContent);
        Assert.Equal(["Lovelace Ada"], Names(await SearchAsync(door, "ada"))); // not Babbage, whose address holds "ada"
        Assert.Empty(Names(await SearchAsync(door, "analytical")));
        var detail = await door.GetPageAsync($"/organisers/attendees/{id}");
        Assert.DoesNotContain("countess", detail.Body!.TextContent);

        using var admin = await _app.SignedInClientAsync();
        Assert.Equal(2, Names(await SearchAsync(admin, "ada")).Count); // admins search addresses too
        Assert.Contains("countess.analytical@example.org", (await admin.GetPageAsync($"/organisers/attendees/{id}")).Body!.TextContent);
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        using var anonymous = _app.Client();
        var response = await anonymous.GetAsync("/organisers/attendees");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/organisers/signin", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task TheExportHasTheListsFilterAndSearchAndIsRecorded()
    {
        await _app.PersonAsync("Élodie", "Martin", "Métropole");
        await _app.PersonAsync("Jean", "Dupont", "Métropole");
        await _app.PersonAsync("Marie", "Curie", "Institut du Radium");
        using var admin = await _app.SignedInClientAsync();

        var page = await SearchAsync(admin, "metropole", new() { ["sort"] = "name" });
        var response = await admin.SubmitAsync(page.Form("Export"), new Dictionary<string, string>(), "/organisers/attendees");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Nom;Prénom;", lines[0]);
        Assert.Equal(["Dupont;Jean", "Martin;Élodie"], lines[1..].Select(l => string.Join(';', l.Split(';')[..2])));

        var (action, registration) = Assert.Single(_app.Activity());
        Assert.Equal(("attendees.exported", null), (action, registration));
        Assert.Equal("status=all, sort=name, search=yes, rows=2", _app.Scalar<string>("SELECT detail FROM activity"));
    }

    [Fact]
    public async Task TheWaitingListExportsInQueueOrderWithEachPlaceAndADatedName()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" },
            new ManualClock(new DateTimeOffset(2027, 6, 20, 22, 30, 0, TimeSpan.Zero))); // 21 June in Paris
        await app.PersonAsync("Ada", "Lovelace");
        foreach (var last in new[] { "Zola", "Abel", "Martin", "Bernard" }) await app.PersonAsync("Jean", last, "Métropole");
        using var admin = await app.SignedInClientAsync();

        var page = await admin.GetPageAsync("/organisers/attendees?status=waitlisted");
        var export = page.Form("Export");
        Assert.True(export.CompareDocumentPosition(page.QuerySelector("table")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following)); // above the table
        var response = await admin.SubmitAsync(export, new Dictionary<string, string>(), "/organisers/attendees");
        Assert.Equal("liste-d-attente-2027-06-21.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = System.Text.Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Position dans la file;Nom;Prénom;", lines[0]);
        Assert.Equal(["1;Zola", "2;Abel", "3;Martin", "4;Bernard"], lines[1..].Select(l => string.Join(';', l.Split(';')[..2])));

        await app.PersonAsync("Ada", "Abelard"); // a search narrows the rows, never the places
        var searched = await SearchAsync(admin, "martin", new() { ["status"] = "waitlisted" });
        var narrowed = await admin.SubmitAsync(searched.Form("Export"), new Dictionary<string, string>(), "/organisers/attendees");
        var rows = System.Text.Encoding.UTF8.GetString((await narrowed.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("3;Martin", string.Join(';', rows[1].Split(';')[..2]));
        Assert.Contains("sort=queue", app.Scalar<string>("SELECT detail FROM activity ORDER BY id DESC LIMIT 1"));
    }

    [Fact]
    public async Task TheWaitingListIsOneClickFromTheHomeAndTheNextPersonOneSearchFromAnAttendeesPage()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" });
        var ada = await app.PersonAsync("Ada", "Lovelace");
        await app.PersonAsync("Jean", "Zola");
        using var admin = await app.SignedInClientAsync();

        var home = await admin.GetPageAsync("/organisers");
        var export = await admin.SubmitAsync(home.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Export")), new Dictionary<string, string>(), "/organisers");
        Assert.StartsWith("liste-d-attente-", export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var detail = await admin.GetPageAsync($"/organisers/attendees/{ada}");
        var searched = await admin.SubmitAsync((IHtmlFormElement)detail.QuerySelector("form[role=search]")!, new Dictionary<string, string> { ["q"] = "zola" }, $"/organisers/attendees/{ada}");
        Assert.Equal(HttpStatusCode.Redirect, searched.StatusCode);
        Assert.Equal(["Zola Jean"], Names(await admin.GetPageAsync(searched.Headers.Location!.OriginalString)));
    }

    [Fact]
    public async Task TwoSpellingsOfOneSearchFindTheSamePeopleAndEachKeepsItsOwnWordsInTheBox()
    {
        await _app.PersonAsync("Élodie", "Martin");
        using var admin = await _app.SignedInClientAsync();

        var first = await SearchAsync(admin, "ÉLODIE");
        var second = await SearchAsync(admin, "elodie"); // the same folded search: read once, kept until the next commit

        Assert.Equal(["Martin Élodie"], Names(first));
        Assert.Equal(["Martin Élodie"], Names(second));
        Assert.Equal("ÉLODIE", first.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal("elodie", second.QuerySelector("#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RegistrationsFromBeforeTheSearchKeysAreFoldedAtStartUp()
    {
        var id = await _app.PersonAsync("Élodie", "Martin");
        await _app.PersonAsync("Ada", "Lovelace");
        await _app.PersonAsync("Grace", "Hopper");
        using (var c = _app.Db.OpenRead()) Dapper.SqlMapper.Execute(c, "UPDATE registrations SET search_key = NULL, sort_key = NULL"); // as migration 0014 leaves them
        Assert.Equal(3, Events.Api.Registration.SearchKeys.FoldOlderRegistrations(_app.Db, batch: 2)); // in two units
        Assert.Equal(0, _app.Scalar<long>("SELECT COUNT(*) FROM registrations WHERE search_key IS NULL OR sort_key IS NULL"));
        using var admin = await _app.SignedInClientAsync();

        Assert.Equal(["Martin Élodie"], Names(await SearchAsync(admin, "elodie")));
        Assert.Equal("martin elodie", _app.Scalar<string>("SELECT sort_key FROM registrations WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task AnAttendeesChangedNameIsFoundByItsNewSpelling()
    {
        var id = await _app.PersonAsync("Ada", "Lovelace");
        using var admin = await _app.SignedInClientAsync();
        await admin.ActAsync(id, null, values: new() { ["firstName"] = "Ada", ["lastName"] = "Byron-Lovelace", ["organisation"] = "Société", ["accessibilityNeeds"] = "", ["language"] = "fr" });

        Assert.Equal(["Byron-Lovelace Ada"], Names(await SearchAsync(admin, "byron")));
        Assert.Equal(["Byron-Lovelace Ada"], Names(await SearchAsync(admin, "SOCIETE")));
    }

    public void Dispose() => _app.Dispose();
}
