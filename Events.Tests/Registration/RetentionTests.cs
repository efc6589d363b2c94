using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Api.Registration;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>What the privacy notice promises about keeping data, on a real SQLite file.</summary>
public sealed class RetentionTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task NeedsGoTheDayAfterTheEventAndNamesAndAddressesThreeMonthsAfterWhileTheFiguresStay()
    {
        var response = await _app.Client().PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName = "Ada", lastName = "Lovelace", email = "ada@example.org", organisation = "Analytical Engines",
            accessibilityNeeds = "Fauteuil roulant", language = "fr", consent = true,
        });
        response.EnsureSuccessStatusCode();
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        await _app.DrainMailAsync(); // the ticket and the invitation, as .eml files in the pickup folder
        Assert.Equal(2, Directory.GetFiles(_app.MailFolder, "*.eml").Length);
        var manageCode = (await response.Content.ReadFromJsonAsync<EventsApp.Created>())!.ManageCode;
        var retention = _app.Services.GetRequiredService<Retention>();

        Assert.Equal((0, 0), await retention.ApplyAsync()); // before the event: nothing is due
        Assert.Equal("Fauteuil roulant", Row().AccessibilityNeeds);

        EventEnded(TimeSpan.FromDays(2));
        Assert.Equal((1, 0), await retention.ApplyAsync());
        var afterNeeds = Row();
        Assert.Null(afterNeeds.AccessibilityNeeds);
        Assert.Equal("Ada", afterNeeds.FirstName);

        EventEnded(TimeSpan.FromDays(100));
        foreach (var file in Directory.GetFiles(_app.MailFolder, "*.eml")) // e-mailed before the event, as they would be
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-101));
        var later = Path.Combine(_app.MailFolder, "written-after-the-horizon.eml");
        File.WriteAllText(later, "a message about a later edition");
        Assert.Equal((0, 1), await retention.ApplyAsync());
        var erased = Row();
        Assert.Equal(("", "", "", null), (erased.FirstName, erased.LastName, erased.Email, erased.Organisation));
        using (var c = _app.Db.OpenRead())
        {
            Assert.DoesNotContain("ada@example.org", string.Join("|", c.Query<string>("SELECT email_key FROM registrations")));
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE registration_id IS NOT NULL"));
            Assert.Equal(1, c.ExecuteScalar<long>("SELECT confirmed FROM events"));
            Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client().GetAsync($"/manage/{manageCode}")).StatusCode); // its links open nothing
        using (var c = _app.Db.OpenRead())
        {
            Assert.Equal("", c.ExecuteScalar<string>("SELECT email FROM speakers")); // the speaker's address too
            Assert.Equal("Grace Hopper", c.ExecuteScalar<string>("SELECT display_name FROM speakers")); // the public agenda stays
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM speaker_links"));
        }
        Assert.Equal([later], Directory.GetFiles(_app.MailFolder, "*.eml")); // the copies of what was e-mailed go, not later ones
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Client().GetAsync($"/api/v1/registrations/{manageCode}")).StatusCode);
        Assert.Equal((0, 0), await retention.ApplyAsync()); // done once
    }

    private sealed record Person(string FirstName, string LastName, string Email, string? Organisation, string? AccessibilityNeeds);

    private Person Row()
    {
        using var c = _app.Db.OpenRead();
        return c.QuerySingle<Person>("SELECT first_name, last_name, email, organisation, accessibility_needs FROM registrations");
    }

    private void EventEnded(TimeSpan ago)
    {
        var endsAt = DateTimeOffset.UtcNow - ago;
        _app.Db.WriteAsync((c, tx) => c.Execute("UPDATE events SET starts_at = @startsAt, ends_at = @endsAt",
            new { startsAt = endsAt.AddHours(-4), endsAt }, tx)).Wait();
    }

    public void Dispose() => _app.Dispose();
}
