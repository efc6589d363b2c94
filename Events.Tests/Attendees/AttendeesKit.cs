using AngleSharp.Html.Dom;
using Dapper;
using Events.Api.Registration;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Attendees;

/// <summary>What the back-office tests share: people registered quickly, their row ids, the log, a detail page's forms.</summary>
public static class AttendeesKit
{
    public const string DoorEmail = "door@example.org";
    public const string DoorPassword = "door staff password";

    /// <summary>Registers through the service (the API's rate limit would slow a crowd down); returns the row id.</summary>
    public static async Task<long> PersonAsync(this EventsApp app, string firstName, string lastName, string? organisation = null, string? email = null)
    {
        var outcome = await app.Services.GetRequiredService<RegistrationService>().RegisterAsync(
            new RegistrationInput(firstName, lastName, email ?? $"{Guid.NewGuid():N}@example.org", organisation, null, "fr", true));
        return ((RegisterOutcome.Created)outcome).Registration.Id;
    }

    public static long IdOf(this EventsApp app, string manageCode)
    {
        using var c = app.Db.OpenRead();
        return c.ExecuteScalar<long>("SELECT id FROM registrations WHERE manage_code_hash = @hash", new { hash = Events.Api.Security.SecretCode.Hash(manageCode) });
    }

    public static T Scalar<T>(this EventsApp app, string sql, object? args = null)
    {
        using var c = app.Db.OpenRead();
        return c.ExecuteScalar<T>(sql, args)!;
    }

    /// <summary>The log's actions, oldest first, with the registration each names.</summary>
    public static IReadOnlyList<(string Action, long? RegistrationId)> Activity(this EventsApp app)
    {
        using var c = app.Db.OpenRead();
        return c.Query<(string, long?)>("SELECT action, registration_id FROM activity ORDER BY id").AsList();
    }

    public static async Task<HttpClient> DoorClientAsync(this EventsApp app)
    {
        await app.CreateOrganiserAsync(DoorEmail, "door", DoorPassword);
        return await app.SignedInClientAsync(DoorEmail, DoorPassword);
    }

    /// <summary>The form of a detail page that posts to <paramref name="handler"/> (null: the edit form, which names none).</summary>
    public static IHtmlFormElement Form(this IHtmlDocument page, string? handler) =>
        page.Forms.Single(f => f.Method == "post" && (handler is null
            ? f.GetAttribute("action") is null or "" && f.Elements.Any(e => e.GetAttribute("name") == "firstName")
            : f.GetAttribute("action")?.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase) == true));

    /// <summary>Opens the detail page (with <paramref name="query"/>) and posts its form for <paramref name="handler"/>.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient admin, long id, string? handler, string query = "", Dictionary<string, string>? values = null)
    {
        var page = await admin.GetPageAsync($"/organisers/attendees/{id}{query}");
        return await admin.SubmitAsync(page.Form(handler), values ?? [], $"/organisers/attendees/{id}");
    }
}
