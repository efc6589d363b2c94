using Events.Api.Security;
using Events.Tests.Infrastructure;

namespace Events.Tests.CheckIn;

/// <summary>One name rule at the door, accents and case ignored: the server's search here, the phone's in the browser tests.</summary>
public sealed class NameSearchTests
{
    [Theory]
    [InlineData("elo", true)]
    [InlineData("ÉLOÏSE", true)]
    [InlineData("eloise dur", true)]
    [InlineData("durand", true)]
    [InlineData("loise", false)] // the start of a name, not any part
    [InlineData("dur elo", false)]
    public void AQueryMatchesTheStartOfAFirstNameALastNameOrBoth(string query, bool matches) =>
        Assert.Equal(matches, NameMatch.Matches(NameMatch.Fold(query), "Éloïse", "Durand"));

    [Fact]
    public async Task TheDoorsNameSearchOnTheServerIgnoresAccentsAsThePhoneDoes()
    {
        using var app = new EventsApp();
        await app.TicketAsync("Éloïse", "Durand");
        await app.TicketAsync("Ada", "Lovelace");
        using var door = await app.SignedInClientAsync();
        var page = await door.GetPageAsync("/door/scan");
        var result = await Forms.ParseAsync(await door.SubmitAsync(page.FormWith("q"), new Dictionary<string, string> { ["q"] = "Elo" }, "/door/scan"));
        var found = result.QuerySelectorAll(".results .who").Select(e => e.TextContent).ToList();
        Assert.Equal(["Éloïse Durand (Analytical Engines)"], found);
    }
}
