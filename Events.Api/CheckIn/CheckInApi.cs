using System.Security.Claims;
using Events.Api.Localisation;
using Events.Api.Organisers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Events.Api.CheckIn;

/// <summary>The check-in endpoints of the JSON API v1: door staff and admins only.</summary>
public static class CheckInApi
{
    public static RouteGroupBuilder MapCheckInApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/checkins").WithTags("Check-in").RequireAuthorization(Roles.DoorPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/", CheckIn).WithName("CheckIn")
            .WithSummary("Check a ticket in (by its code, or registrationId for a person chosen by name): accepted, already_checked_in, unknown, cancelled or not_confirmed.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/batch", CheckInBatch).WithName("CheckInBatch")
            .WithSummary("The offline queue of a device: each scan answered in order.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/{code}", Undo).WithName("UndoCheckIn").WithSummary("Undo a mistaken check-in.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/registrations/{registrationId:long}", UndoById).WithName("UndoCheckInById")
            .WithSummary("Undo a mistaken check-in of a person chosen by name (the roster's id).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/roster", GetRoster).WithName("GetRoster").WithSummary(
            "Every registration with its check-in, for offline verdicts; with since={cursor}, only what changed after that cursor.");
        return api;
    }

    public static async Task<Results<Ok<CheckInResult>, ValidationProblem>> CheckIn(
        CheckInRequest body, CheckInService service, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Problem(body) is { } problem) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [problem.Message] });
        return TypedResults.Ok(await service.CheckInAsync(WithDevice(body, user), user.OrganiserId()!.Value, ct));
    }

    public static async Task<Results<Ok<CheckInResult[]>, ValidationProblem>> CheckInBatch(
        CheckInRequest?[] body, CheckInService service, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Length > CheckInService.BatchMax)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = [Texts.English.Format("api_batch_too_long", CheckInService.BatchMax)] });
        // Each bad item is named by its index, so the phone can tell which scan the server refused.
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is null) errors[$"[{i}]"] = [Texts.English["api_batch_item_not_a_scan"]];
            else if (Problem(body[i]!) is { } problem) errors[$"[{i}].{problem.Field}"] = [problem.Message];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await service.CheckInBatchAsync(body.Select(b => WithDevice(b!, user)).ToArray(), user.OrganiserId()!.Value, ct));
    }

    public static Task<Results<Ok<CheckInResult>, ProblemHttpResult>> Undo(
        string code, string? device, CheckInService service, ClaimsPrincipal user, CancellationToken ct) =>
        UndoAsync(new CheckInRequest(code, Device: device), service, user, ct);

    public static Task<Results<Ok<CheckInResult>, ProblemHttpResult>> UndoById(
        long registrationId, string? device, CheckInService service, ClaimsPrincipal user, CancellationToken ct) =>
        UndoAsync(new CheckInRequest(null, Device: device, RegistrationId: registrationId), service, user, ct);

    private static async Task<Results<Ok<CheckInResult>, ProblemHttpResult>> UndoAsync(
        CheckInRequest ticket, CheckInService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await service.UndoAsync(WithDevice(ticket, user), user.OrganiserId()!.Value, ct);
        return result is null
            ? TypedResults.Problem(statusCode: 404, title: "Not checked in", detail: "No check-in of this ticket to undo.")
            : TypedResults.Ok(result);
    }

    /// <summary>A scan names a code or a registration chosen by name: one of the two.</summary>
    private static (string Field, string Message)? Problem(CheckInRequest r) =>
        (string.IsNullOrWhiteSpace(r.Code), r.RegistrationId is null) switch
        {
            (true, true) => ("code", Texts.English["required"]),
            (false, false) => ("registrationId", Texts.English["api_code_or_registration"]),
            _ => null,
        };

    public static Ok<Roster> GetRoster(string? since, CheckInService service) => TypedResults.Ok(service.Roster(since));

    /// <summary>A scan without a device name is recorded under the organiser's name.</summary>
    private static CheckInRequest WithDevice(CheckInRequest r, ClaimsPrincipal user) =>
        string.IsNullOrWhiteSpace(r.Device) ? r with { Device = user.Identity?.Name } : r;
}
