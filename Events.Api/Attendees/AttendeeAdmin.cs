using System.Data;
using Events.Api.CheckIn;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.Attendees;

/// <summary>One registration as admins see it on its page: the row, its place in the queue, its arrival, its edition.</summary>
public sealed record AttendeeDetail(Registration.Registration Registration, long? WaitlistPosition, Arrival Arrival, EventInfo Event, bool CurrentEdition);

/// <summary>
/// What admins do to one registration from the back-office, each through the feature that owns the rule (Registration,
/// Tickets' requests, CheckIn), so the rules, the e-mails and the door's roster are the attendee's own. Every action
/// that takes effect writes its line in the activity log inside the same unit of work, so there is never an action
/// without its trace nor a trace without its action.
/// </summary>
public sealed class AttendeeAdmin(
    Db db, Editions events, RegistrationService registrations, TicketService tickets, TimeProvider clock)
{
    /// <summary>One registration; without its e-mail address for door staff (<paramref name="withEmail"/> false).</summary>
    public AttendeeDetail? Find(long id, bool withEmail)
    {
        if (registrations.ById(id) is not { } view) return null;
        using var c = db.OpenRead();
        var r = withEmail ? view.Registration : view.Registration with { Email = "" };
        var current = events.Current();
        return new AttendeeDetail(r, view.WaitlistPosition, AttendeeStore.Arrival(c, id),
            current.Id == r.EventId ? current : events.ById(r.EventId), current.Id == r.EventId);
    }

    /// <summary>
    /// Changes the details with the attendee's own rules (<see cref="RegistrationRules"/>); false when there is no such
    /// registration. The log says which fields changed, never their values.
    /// </summary>
    public async Task<(bool Found, Dictionary<string, string[]> Errors)> EditAsync(
        long id, RegistrationChange change, long organiserId, CancellationToken ct = default)
    {
        if (registrations.ById(id) is not { Registration: var before, Codes: { } codes }) return (false, []);
        var changed = Changed(before, change);
        var (view, errors) = await registrations.ChangeAsync(codes.Manage, change, ct,
            alongside: Log(organiserId, ActivityActions.AttendeeEdited, id, string.Join(", ", changed)));
        return (view is not null, errors);
    }

    /// <summary>Cancels (the seat goes to the first person waiting, as always); false when there is no such registration.</summary>
    public async Task<bool> CancelAsync(long id, long organiserId, CancellationToken ct = default) =>
        ManageCode(id) is { } code
        && await registrations.CancelAsync(code, ct, Log(organiserId, ActivityActions.AttendeeCancelled, id)) is not null;

    public Task<TicketRequest> ResendAsync(long id, long organiserId, CancellationToken ct = default) =>
        ManageCode(id) is { } code
            ? tickets.ResendAsync(code, ct, Log(organiserId, ActivityActions.TicketResent, id))
            : Task.FromResult(TicketRequest.NotFound);

    /// <summary>A new ticket code: the old one stops working at once, at the door too (the roster's next delta).</summary>
    public Task<TicketRequest> ReplaceCodeAsync(long id, long organiserId, CancellationToken ct = default) =>
        ManageCode(id) is { } code
            ? tickets.ReplaceCodeAsync(code, ct, Log(organiserId, ActivityActions.TicketReplaced, id))
            : Task.FromResult(TicketRequest.NotFound);

    /// <summary>
    /// The holder's own code, opened from the sealed copy, so that an admin acts through the holder's rules; null when
    /// there is no such registration (or its codes cannot be opened).
    /// </summary>
    private string? ManageCode(long id) => registrations.ById(id)?.Codes?.Manage;

    /// <summary>Promotes by hand (see <see cref="RegistrationService.PromoteAsync"/>: a free seat, or a reason to go over capacity).</summary>
    public Task<PromoteOutcome> PromoteAsync(long id, string? overCapacityReason, long organiserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return registrations.PromoteAsync(id, overCapacityReason, organiserId, ct, (c, tx, over) =>
            ActivityLog.Record(c, tx, organiserId, over ? ActivityActions.AttendeePromotedOverCapacity : ActivityActions.AttendeePromoted, id, null, now));
    }

    /// <summary>Undoes a cancellation (see <see cref="RegistrationService.ReinstateAsync"/>: a free seat, or a reason to go over capacity).</summary>
    public Task<PromoteOutcome> ReinstateAsync(long id, string? overCapacityReason, long organiserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return registrations.ReinstateAsync(id, overCapacityReason, organiserId, ct, (c, tx, over) =>
            ActivityLog.Record(c, tx, organiserId, over ? ActivityActions.AttendeeReinstatedOverCapacity : ActivityActions.AttendeeReinstated, id, null, now));
    }

    /// <summary>
    /// Checks the person in through the door's own rule (<see cref="CheckInService.Decide"/>), so the phones' roster
    /// sees it; the answer is the door's (accepted, already checked in, not confirmed…). Null when there is no such registration.
    /// </summary>
    public async Task<CheckInResult?> CheckInAsync(long id, long organiserId, string? device, CancellationToken ct = default)
    {
        if (registrations.ById(id)?.Registration is not { } r) return null;
        var now = clock.GetUtcNow();
        return await db.WriteAsync((c, tx) =>
        {
            var result = CheckInService.Decide(c, tx, new CheckInRequest(null, Device: device, RegistrationId: r.Id), organiserId, now);
            if (result.Outcome == CheckInOutcome.Accepted) ActivityLog.Record(c, tx, organiserId, ActivityActions.CheckedIn, id, null, now);
            return result;
        }, ct);
    }

    /// <summary>Undoes a check-in as the door's undo does; null when the person was not checked in.</summary>
    public async Task<CheckInResult?> UndoCheckInAsync(long id, long organiserId, string? device, CancellationToken ct = default)
    {
        if (registrations.ById(id)?.Registration is not { } r) return null;
        var now = clock.GetUtcNow();
        return await db.WriteAsync((c, tx) =>
        {
            var result = CheckInService.Undo(c, tx, new CheckInRequest(null, Device: device, RegistrationId: r.Id), organiserId, now);
            if (result is not null) ActivityLog.Record(c, tx, organiserId, ActivityActions.CheckInUndone, id, null, now);
            return result;
        }, ct);
    }

    private Action<IDbConnection, IDbTransaction> Log(long organiserId, string action, long id, string? detail = null)
    {
        var now = clock.GetUtcNow();
        return (c, tx) => ActivityLog.Record(c, tx, organiserId, action, id, detail, now);
    }

    /// <summary>The names of the fields a change alters (the form sends them all).</summary>
    private static IEnumerable<string> Changed(Registration.Registration r, RegistrationChange change)
    {
        static bool Differs(string? now, string? sent) => sent is not null && (now ?? "") != Security.TextRules.Clean(sent);
        if (Differs(r.FirstName, change.FirstName)) yield return "firstName";
        if (Differs(r.LastName, change.LastName)) yield return "lastName";
        if (Differs(r.Organisation, change.Organisation)) yield return "organisation";
        if (Differs(r.AccessibilityNeeds, change.AccessibilityNeeds)) yield return "accessibilityNeeds";
        if (change.Language is not null && change.Language != r.Language) yield return "language";
    }
}
