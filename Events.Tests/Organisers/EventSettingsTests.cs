using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Organisers;

public sealed class EventSettingsTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "1", ["Events:Mail:PollSeconds"] = "0" });

    private async Task<(HttpClient Admin, AngleSharp.Html.Dom.IHtmlFormElement Form)> OpenAsync()
    {
        var admin = await _app.SignedInClientAsync();
        return (admin, (await admin.GetPageAsync("/organisers/event")).FormWith("capacity"));
    }

    [Fact]
    public async Task RaisingTheCapacityGivesTheNewSeatsToThePeopleWaitingInOrder()
    {
        await _app.RegisterAsync("a@example.org");
        var second = await _app.RegisterAsync("b@example.org");
        var third = await _app.RegisterAsync("c@example.org");
        await _app.RegisterAsync("d@example.org");
        var (admin, form) = await OpenAsync();

        var saved = await admin.SubmitAsync(form, Values(form, ("capacity", "3")), "/organisers/event");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.Contains(": 2.", page.QuerySelector("[role=status]")!.TextContent);

        using var c = _app.Db.OpenRead();
        Assert.Equal((3L, 1L, 3L), c.QuerySingle<(long, long, long)>("SELECT confirmed, waitlisted, capacity FROM events"));
        var promoted = c.Query<string>("SELECT r.codes_sealed FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE o.kind = 'promoted' ORDER BY o.id")
            .Select(s => Events.Tests.CheckIn.Tickets.Opened(_app, s)!.Manage);
        Assert.Equal([second.ManageCode, third.ManageCode], promoted);
    }

    [Fact]
    public async Task HowToComeIsEditedHereAndKeptForTheReminder()
    {
        var (admin, form) = await OpenAsync();
        var saved = await admin.SubmitAsync(form, Values(form, ("howToComeFr", "Métro : station Saint-Julien.\r\nVélo : arceaux devant l'entrée."),
            ("howToComeEn", "Metro: Saint-Julien station.")), "/organisers/event");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using (var c = _app.Db.OpenRead())
            Assert.Equal(("Métro : station Saint-Julien.\nVélo : arceaux devant l'entrée.", "Metro: Saint-Julien station."),
                c.QuerySingle<(string, string)>("SELECT how_to_come_fr, how_to_come_en FROM events"));
        var again = (await admin.GetPageAsync("/organisers/event")).QuerySelector("#howToComeEn")!.TextContent;
        Assert.Equal("Metro: Saint-Julien station.", again.Trim());
    }

    [Fact]
    public async Task InvalidSettingsAreExplainedNextToTheirFieldsAndNothingChanges()
    {
        var (admin, form) = await OpenAsync();
        var response = await admin.SubmitAsync(form, Values(form, ("capacity", "-4"), ("endsAt", "2027-06-26T07:00"), ("title", "")), "/organisers/event");
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#capacity-error"));
        Assert.NotNull(page.QuerySelector("#endsAt-error"));
        Assert.NotNull(page.QuerySelector("#title-error"));
        Assert.Equal("true", page.QuerySelector("#capacity")!.GetAttribute("aria-invalid"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT capacity FROM events"));
    }

    [Theory]
    [InlineData("endsAt", "2028-06-26T12:00", "Une édition dure au plus 31")]
    [InlineData("endsAt", "9999-12-31T23:59", "Saisissez une date et une heure valides")]
    [InlineData("startsAt", "0001-01-01T00:00", "Saisissez une date et une heure valides")]
    [InlineData("registrationOpensAt", "0001-01-01T00:00", "Saisissez une date et une heure valides")]
    public async Task ADateNoEditionCanHaveIsExplainedNextToItsField(string field, string value, string message)
    {
        var (admin, form) = await OpenAsync();
        var before = _app.Services.GetRequiredService<Events.Api.Registration.Editions>().Current();
        var response = await admin.SubmitAsync(form, Values(form, (field, value)), "/organisers/event");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Forms.ParseAsync(response)).QuerySelector($"#{field}-error")!.TextContent);
        Assert.Equal(before, _app.Services.GetRequiredService<Events.Api.Registration.Editions>().Current());
    }

    [Fact]
    public async Task TheRegistrationWindowTypedInParisTimeClosesTheForm()
    {
        var (admin, form) = await OpenAsync();
        var closed = DateTimeOffset.UtcNow.AddDays(-1);
        var paris = TimeZoneInfo.ConvertTime(closed, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        await admin.SubmitAsync(form, Values(form, ("registrationClosesAt", paris.ToString("yyyy-MM-dd'T'HH:mm"))), "/organisers/event");
        var home = await _app.Client().GetPageAsync("/");
        Assert.Null(home.QuerySelector("#firstName"));
        using var json = System.Text.Json.JsonDocument.Parse(await _app.Client().GetStringAsync("/api/v1/event"));
        Assert.False(json.RootElement.GetProperty("registrationOpen").GetBoolean());
    }

    /// <summary>The form's current values with some changed, as a person editing one field would send them.</summary>
    private static Dictionary<string, string> Values(AngleSharp.Html.Dom.IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        var values = form.Elements.Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken")
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? "");
        foreach (var (name, value) in changes) values[name] = value;
        return values;
    }

    public void Dispose() => _app.Dispose();
}
