using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Agenda;

/// <summary>The organisers' speakers page says where each speaker stands: invited, signed in, profile complete.</summary>
public sealed class SpeakerStatusTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task EachSpeakerShowsTheirLinkSignInAndProfile()
    {
        await _app.InviteAsync("Ada Lovelace", "ada@example.org");
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        await _app.InviteAsync("Alan Turing", "alan@example.org");
        using (var ada = await _app.SpeakerClientAsync("ada@example.org"))
        {
            var profile = await ada.GetPageAsync("/speakers/profile");
            await ada.SubmitAsync(profile.FormWith("bio"), new Dictionary<string, string>
            {
                ["displayName"] = "Ada Lovelace", ["organisation"] = "Analytical Engines", ["bio"] = "Mathématicienne.",
            }, "/speakers/profile");
        }
        await _app.Db.WriteAsync((c, tx) => c.Execute(
            "UPDATE speaker_links SET expires_at = '2020-01-01T00:00:00.0000000+00:00' WHERE speaker_id = (SELECT id FROM speakers WHERE email = 'alan@example.org')",
            transaction: tx));

        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/agenda/speakers");
        string Status(string name) => page.QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == name).Children[2].TextContent;

        Assert.StartsWith("Première connexion le ", Status("Ada Lovelace"));
        Assert.Contains("Profil complet", Status("Ada Lovelace"));
        Assert.StartsWith("Invitation envoyée, lien pas encore utilisé (valable jusqu'au ", Status("Grace Hopper"));
        Assert.Contains("Profil à compléter", Status("Grace Hopper"));
        Assert.StartsWith("Lien jamais utilisé et expiré", Status("Alan Turing"));
    }

    public void Dispose() => _app.Dispose();
}
