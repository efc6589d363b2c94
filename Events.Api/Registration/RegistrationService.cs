using System.Data;
using Events.Api.Mail;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>Registration rules: capacity, waiting list, one registration per address, self-service change and cancel.</summary>
public sealed class RegistrationService(Db db, CodeSeal seal, TimeProvider clock)
{
    /// <summary>The public rule (form and API): inside the registration window; when full, the waiting list.</summary>
    public Task<RegisterOutcome> RegisterAsync(RegistrationInput input, CancellationToken ct = default) =>
        RegisterAsync(input, RegistrationRules.Validate(input), walkIn: null, ct);

    /// <summary>
    /// A walk-in registered by door staff: until the event ends, whatever the online window (see
    /// <see cref="RegistrationWindow.AdmitsWalkInsAt"/>), and never onto the waiting list, since the person is standing
    /// at the door. When no seat is left the answer is <see cref="RegisterOutcome.Full"/>, unless door staff give
    /// <paramref name="overCapacityReason"/>: then the person is confirmed over capacity and the reason is recorded with
    /// <paramref name="organiserId"/> and the time. A null reason means none was offered; an empty one is an error.
    /// </summary>
    public Task<RegisterOutcome> RegisterWalkInAsync(
        RegistrationInput input, string? overCapacityReason, long organiserId, CancellationToken ct = default)
    {
        var errors = RegistrationRules.Validate(input);
        if (overCapacityReason is not null) RegistrationRules.OverCapacityReason(errors, overCapacityReason);
        var reason = overCapacityReason is null ? null : TextRules.Clean(overCapacityReason);
        return RegisterAsync(input, errors, new WalkIn(organiserId, reason), ct);
    }

    /// <summary>Who lets a walk-in in, and why when no seat is left (null: no reason given).</summary>
    private sealed record WalkIn(long OrganiserId, string? OverCapacityReason);

    /// <summary>What every registration shares: validation, the duplicate check, the seat, the insert and its e-mail.</summary>
    private async Task<RegisterOutcome> RegisterAsync(
        RegistrationInput input, Dictionary<string, string[]> errors, WalkIn? walkIn, CancellationToken ct)
    {
        if (errors.Count > 0) return new RegisterOutcome.Invalid(errors);

        var now = clock.GetUtcNow();
        // Drawn, hashed and sealed here, outside the writer, which then only stores them.
        var codes = RegistrationCodes.New();
        var atRest = seal.AtRest(codes);
        return await db.WriteAsync<RegisterOutcome>((c, tx) =>
        {
            var ev = EventStore.Window(c, tx);
            if (!(walkIn is null ? ev.IsOpenAt(now) : ev.AdmitsWalkInsAt(now))) return new RegisterOutcome.Closed();
            var existing = RegistrationStore.LiveIdByEmail(c, tx, ev.Id, EmailAddress.Key(input.Email!));
            if (existing is not null)
            {
                Outbox.Enqueue(c, tx, MailKind.Duplicate, existing, now);
                return new RegisterOutcome.Duplicate();
            }

            long? position = null, seq = null;
            var status = RegistrationStatus.Confirmed;
            WalkIn? overCapacity = null;
            if (!RegistrationStore.TryTakeSeat(c, tx, ev.Id))
            {
                if (walkIn is null)
                {
                    (var p, var s) = RegistrationStore.JoinWaitlist(c, tx, ev.Id);
                    (position, seq, status) = (p, s, RegistrationStatus.Waitlisted);
                }
                else if (walkIn.OverCapacityReason is null)
                {
                    var (confirmed, capacity) = RegistrationStore.Seats(c, tx, ev.Id);
                    return new RegisterOutcome.Full(confirmed, capacity);
                }
                else
                {
                    OverCapacityStore.TakeSeat(c, tx, ev.Id);
                    overCapacity = walkIn;
                }
            }
            var registration = RegistrationStore.Insert(c, tx, ev.Id, input, status, seq, atRest, now);
            if (overCapacity is { OverCapacityReason: { } reason }) OverCapacityStore.Record(c, tx, registration.Id, reason, overCapacity.OrganiserId, now);
            Outbox.Enqueue(c, tx, status == RegistrationStatus.Waitlisted ? MailKind.Waitlisted : overCapacity is null ? MailKind.Confirmed : MailKind.Admitted, registration.Id, now);
            return new RegisterOutcome.Created(registration, position, codes) { OverCapacity = overCapacity is not null };
        }, ct);
    }

    /// <summary>A registration with its place on the waiting list, by its row (what an outbox message points to).</summary>
    public RegistrationView? ById(long id)
    {
        using var c = db.OpenRead();
        var registration = RegistrationStore.ById(c, id);
        return registration is null ? null : View(c, registration);
    }

    public RegistrationView? Find(string manageCode)
    {
        using var c = db.OpenRead();
        var registration = RegistrationStore.ByManageCode(c, manageCode);
        return registration is null ? null : View(c, registration);
    }

    /// <summary>
    /// Applies a change; null when the code is unknown. Errors when invalid or cancelled. <paramref name="alongside"/>
    /// (an organiser's trace, say) runs in the same unit of work when the change is made.
    /// </summary>
    public async Task<(RegistrationView? View, Dictionary<string, string[]> Errors)> ChangeAsync(
        string manageCode, RegistrationChange change, CancellationToken ct = default, Action<IDbConnection, IDbTransaction>? alongside = null)
    {
        var errors = RegistrationRules.Validate(change);
        if (errors.Count > 0) return (Find(manageCode), errors);
        var now = clock.GetUtcNow();

        var updated = await db.WriteAsync((c, tx) =>
        {
            var r = RegistrationStore.ByManageCode(c, manageCode, tx);
            if (r is null || r.Status == RegistrationStatus.Cancelled) return r;
            RegistrationStore.UpdateDetails(c, tx, r, now,
                firstName: change.FirstName?.Trim() ?? r.FirstName,
                lastName: change.LastName?.Trim() ?? r.LastName,
                organisation: change.Organisation is null ? r.Organisation : TextRules.CleanOrNull(change.Organisation),
                needs: change.AccessibilityNeeds is null ? r.AccessibilityNeeds : TextRules.CleanOrNull(change.AccessibilityNeeds),
                language: change.Language is null ? r.Language : Localisation.Lang.OrDefault(change.Language));
            alongside?.Invoke(c, tx);
            return RegistrationStore.ById(c, r.Id, tx);
        }, ct);

        if (updated?.Status == RegistrationStatus.Cancelled) errors["registration"] = ["already_cancelled"];
        return (updated is null ? null : Find(manageCode), errors);
    }

    /// <summary>
    /// Cancels; a confirmed seat goes at once, in the same transaction, to the first person waiting.
    /// <paramref name="alongside"/> runs in that transaction when this call cancelled it.
    /// </summary>
    public async Task<RegistrationView?> CancelAsync(string manageCode, CancellationToken ct = default, Action<IDbConnection, IDbTransaction>? alongside = null)
    {
        var now = clock.GetUtcNow();
        var found = await db.WriteAsync((c, tx) =>
        {
            var r = RegistrationStore.ByManageCode(c, manageCode, tx);
            if (r is null || r.Status == RegistrationStatus.Cancelled) return r is not null; // cancelling twice changes nothing
            RegistrationStore.Cancel(c, tx, r, now);
            Outbox.Enqueue(c, tx, MailKind.Cancelled, r.Id, now);
            if (r.Status == RegistrationStatus.Confirmed) RegistrationStore.PromoteWaiting(c, tx, r.EventId, now);
            alongside?.Invoke(c, tx);
            return true;
        }, ct);
        return found ? Find(manageCode) : null;
    }

    /// <summary>
    /// An organiser gives a seat to someone on the waiting list, out of turn. Like pretix, which refuses to hand out a
    /// waiting-list place without quota, it takes only a free seat: with none, the answer is
    /// <see cref="PromoteOutcome.NoSeat"/>, unless <paramref name="overCapacityReason"/> is given, in which case the
    /// person is confirmed over capacity and the reason recorded with the organiser and the time, exactly as a walk-in
    /// admitted over capacity (null: no reason offered; empty: an error). <paramref name="alongside"/> runs in the same
    /// unit of work when the person is promoted, and is told whether it was over capacity.
    /// </summary>
    public Task<PromoteOutcome> PromoteAsync(long id, string? overCapacityReason, long organiserId,
        CancellationToken ct = default, Action<IDbConnection, IDbTransaction, bool>? alongside = null) =>
        GiveSeatAsync(id, overCapacityReason, organiserId, ct, alongside,
            refused: (c, tx, r) => r.Status != RegistrationStatus.Waitlisted ? new PromoteOutcome.NotWaiting() : null,
            confirm: (c, tx, r, over, now) => RegistrationStore.Promote(c, tx, r.Id, r.EventId, now, over ? MailKind.Admitted : MailKind.Promoted));

    /// <summary>
    /// An organiser undoes a cancellation of the current edition, as pretix reactivates a cancelled order: the person
    /// is confirmed again on a free seat, or over capacity with a reason, as a walk-in (the same rules as
    /// <see cref="PromoteAsync"/>), and e-mailed their ticket. Refused when the address has registered again since.
    /// </summary>
    public Task<PromoteOutcome> ReinstateAsync(long id, string? overCapacityReason, long organiserId,
        CancellationToken ct = default, Action<IDbConnection, IDbTransaction, bool>? alongside = null) =>
        GiveSeatAsync(id, overCapacityReason, organiserId, ct, alongside,
            refused: (c, tx, r) =>
                r.Status != RegistrationStatus.Cancelled || r.EventId != EventStore.Window(c, tx).Id ? new PromoteOutcome.NotCancelled()
                : RegistrationStore.LiveIdByEmail(c, tx, r.EventId, EmailAddress.Key(r.Email)) is not null ? new PromoteOutcome.RegisteredAgain()
                : null,
            confirm: (c, tx, r, over, now) =>
            {
                RegistrationStore.Reinstate(c, tx, r.Id, now);
                Outbox.Enqueue(c, tx, MailKind.Reinstated, r.Id, now);
            });

    /// <summary>
    /// The one rule of an organiser giving someone a seat (a promotion, a reinstatement): a free seat, or with a reason
    /// a seat over capacity recorded as a walk-in's; <paramref name="refused"/> says why this registration cannot have
    /// one, <paramref name="confirm"/> confirms it, in the same unit of work.
    /// </summary>
    private async Task<PromoteOutcome> GiveSeatAsync(long id, string? overCapacityReason, long organiserId, CancellationToken ct,
        Action<IDbConnection, IDbTransaction, bool>? alongside, Func<IDbConnection, IDbTransaction, Registration, PromoteOutcome?> refused,
        Action<IDbConnection, IDbTransaction, Registration, bool, DateTimeOffset> confirm)
    {
        var errors = new Dictionary<string, string[]>();
        if (overCapacityReason is not null) RegistrationRules.OverCapacityReason(errors, overCapacityReason);
        if (errors.Count > 0) return new PromoteOutcome.Invalid(errors);
        var reason = overCapacityReason is null ? null : TextRules.Clean(overCapacityReason);
        var now = clock.GetUtcNow();
        return await db.WriteAsync<PromoteOutcome>((c, tx) =>
        {
            var r = RegistrationStore.ById(c, id, tx);
            if (r is null) return new PromoteOutcome.NotFound();
            if (refused(c, tx, r) is { } refusal) return refusal;
            var overCapacity = false;
            if (!RegistrationStore.TryTakeSeat(c, tx, r.EventId))
            {
                if (reason is null)
                {
                    var (confirmed, capacity) = RegistrationStore.Seats(c, tx, r.EventId);
                    return new PromoteOutcome.NoSeat(confirmed, capacity);
                }
                OverCapacityStore.TakeSeat(c, tx, r.EventId);
                OverCapacityStore.Record(c, tx, r.Id, reason, organiserId, now);
                overCapacity = true;
            }
            confirm(c, tx, r, overCapacity, now);
            alongside?.Invoke(c, tx, overCapacity);
            return new PromoteOutcome.Promoted(overCapacity);
        }, ct);
    }

    private RegistrationView View(IDbConnection c, Registration r) =>
        new(r, r is { Status: RegistrationStatus.Waitlisted, WaitlistSeq: { } seq } ? RegistrationStore.WaitlistPosition(c, r.EventId, seq) : null,
            seal.Open(r.CodesSealed));
}
