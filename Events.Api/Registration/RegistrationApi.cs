using Events.Api.Configuration;
using Events.Api.Localisation;
using Events.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Events.Api.Registration;

/// <summary>The public event and registration endpoints of the JSON API v1.</summary>
public static class RegistrationApi
{
    public static RouteGroupBuilder MapRegistrationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Registration");

        api.MapGet("/event", GetEvent).WithName("GetEvent").WithSummary("The event: dates, venue, capacity and seats left.");
        api.MapPost("/registrations", Register).WithName("Register")
            .WithSummary("Register for the event (confirmed, or waiting list when full).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).RequireRateLimiting(RateLimits.PublicPost);
        api.MapGet("/registrations/{manageCode}", GetRegistration).WithName("GetRegistration")
            .WithSummary("A registration, for the holder of its management link.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapMethods("/registrations/{manageCode}", ["PATCH"], ChangeRegistration).WithName("ChangeRegistration")
            .WithSummary("Change name, organisation, needs or language.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).RequireRateLimiting(RateLimits.PublicPost);
        api.MapDelete("/registrations/{manageCode}", CancelRegistration).WithName("CancelRegistration")
            .WithSummary("Cancel; the seat goes to the first person waiting.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).RequireRateLimiting(RateLimits.PublicPost);
        return api;
    }

    public static Ok<EventResponse> GetEvent(Editions events, TimeProvider clock)
    {
        var e = events.Current();
        return TypedResults.Ok(new EventResponse(e.Title, e.DescriptionFr, e.Local(e.StartsAt), e.Local(e.EndsAt), e.TimeZone,
            e.Venue, e.Address, e.Capacity, e.Confirmed, e.SeatsLeft, e.Waitlisted, e.IsOpenAt(clock.GetUtcNow()),
            e.RegistrationOpensAt, e.RegistrationClosesAt));
    }

    public static async Task<Results<Created<RegistrationCreatedResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegistrationInput input, RegistrationService service, IOptions<EventsOptions> options, CancellationToken ct)
    {
        switch (await service.RegisterAsync(input, ct))
        {
            case RegisterOutcome.Created(var r, var position, var codes):
                var manageUrl = options.Value.Link($"/manage/{codes.Manage}");
                return TypedResults.Created($"/api/v1/registrations/{codes.Manage}",
                    new RegistrationCreatedResponse(r.Status, position, codes.Manage, manageUrl));
            case RegisterOutcome.Invalid(var errors):
                return Invalid(errors);
            case RegisterOutcome.Duplicate:
                return TypedResults.Problem(statusCode: 409, title: "Already registered",
                    detail: "This e-mail address is already registered. Its owner has been sent their personal links again.");
            default:
                return TypedResults.Problem(statusCode: 403, title: "Registration closed", detail: "Registration is not open at this time.");
        }
    }

    public static Results<Ok<RegistrationResponse>, ProblemHttpResult> GetRegistration(
        string manageCode, RegistrationService service, IOptions<EventsOptions> options)
    {
        if (SecretCode.Normalise(manageCode) is not { } code || service.Find(code) is not { } view) return NotFoundProblem();
        return TypedResults.Ok(RegistrationResponse.From(view, code, options.Value));
    }

    public static async Task<Results<Ok<RegistrationResponse>, ValidationProblem, ProblemHttpResult>> ChangeRegistration(
        string manageCode, RegistrationChange change, RegistrationService service, IOptions<EventsOptions> options, CancellationToken ct)
    {
        if (SecretCode.Normalise(manageCode) is not { } code) return NotFoundProblem();
        var (view, errors) = await service.ChangeAsync(code, change, ct);
        if (view is null) return NotFoundProblem();
        if (errors.ContainsKey("registration"))
            return TypedResults.Problem(statusCode: 409, title: "Registration cancelled", detail: "A cancelled registration cannot be changed.");
        if (errors.Count > 0) return Invalid(errors);
        return TypedResults.Ok(RegistrationResponse.From(view, code, options.Value));
    }

    public static async Task<Results<Ok<RegistrationResponse>, ProblemHttpResult>> CancelRegistration(
        string manageCode, RegistrationService service, IOptions<EventsOptions> options, CancellationToken ct)
    {
        if (SecretCode.Normalise(manageCode) is not { } code) return NotFoundProblem();
        var view = await service.CancelAsync(code, ct);
        return view is null ? NotFoundProblem() : TypedResults.Ok(RegistrationResponse.From(view, code, options.Value));
    }

    /// <summary>Field errors as RFC 9457 problem details, worded in English for API clients.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.Select(k => Texts.English[k]).ToArray()),
            title: "Some fields are invalid.");

    private static ProblemHttpResult NotFoundProblem() =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No registration has this code.");
}

/// <summary>Answer to a successful registration.</summary>
public sealed record RegistrationCreatedResponse(string Status, long? WaitlistPosition, string ManageCode, string ManageUrl);

/// <summary>A registration as its holder sees it.</summary>
public sealed record RegistrationResponse(
    string Status, string FirstName, string LastName, string Email, string? Organisation, string? AccessibilityNeeds,
    string Language, long? WaitlistPosition, string ManageUrl, string? TicketUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary><paramref name="manageCode"/>: the code the holder used; the ticket's comes from the sealed copy.</summary>
    public static RegistrationResponse From(RegistrationView view, string manageCode, EventsOptions options)
    {
        var r = view.Registration;
        return new(r.Status, r.FirstName, r.LastName, r.Email, r.Organisation, r.AccessibilityNeeds, r.Language, view.WaitlistPosition,
            options.Link($"/manage/{manageCode}"),
            r.Status == RegistrationStatus.Confirmed && view.Codes is { } codes ? options.Link($"/ticket/{codes.Ticket}") : null,
            r.CreatedAt, r.UpdatedAt);
    }
}
