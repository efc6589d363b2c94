using System.Data;
using Dapper;
using Events.Api.Mail;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>What the holder of a management link can do with their ticket: see it, have it sent again, replace its code.</summary>
public sealed class TicketService(Db db, Editions events, CodeSeal seal, TimeProvider clock)
{
    /// <summary>One resend or replacement per registration in this interval, on top of the per-address limit on posts.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    private static readonly string[] PacedKinds = [MailKind.Resend, MailKind.Replaced];

    /// <summary>The ticket behind a code (found by its hash), while it is a confirmed seat; a replaced or cancelled code finds nothing.</summary>
    public (Registration Registration, EventInfo Event)? Find(string ticketCode)
    {
        using var c = db.OpenRead();
        var r = RegistrationStore.ByTicketCode(c, ticketCode);
        if (r is not { Status: RegistrationStatus.Confirmed }) return null;
        var ev = events.Current();
        return ev.Id == r.EventId ? (r, ev) : (r, EventStore.ById(c, r.EventId));
    }

    /// <summary>
    /// Queues the ticket e-mail again for a confirmed registration, with the same code (opened from its sealed copy):
    /// as in pretix, sending a ticket again never revokes the one the person already has (see <see cref="CodeSeal"/>).
    /// </summary>
    public Task<TicketRequest> ResendAsync(string manageCode, CancellationToken ct = default, Action<IDbConnection, IDbTransaction>? alongside = null) =>
        Request(manageCode, MailKind.Resend, replaceCode: false, alongside, ct);

    /// <summary>Gives the registration a new ticket code (the old one stops working at once) and e-mails the new ticket.</summary>
    public Task<TicketRequest> ReplaceCodeAsync(string manageCode, CancellationToken ct = default, Action<IDbConnection, IDbTransaction>? alongside = null) =>
        Request(manageCode, MailKind.Replaced, replaceCode: true, alongside, ct);

    /// <summary><paramref name="alongside"/> (an organiser's trace) runs in the same unit of work once the e-mail is queued.</summary>
    private async Task<TicketRequest> Request(string manageCode, string kind, bool replaceCode, Action<IDbConnection, IDbTransaction>? alongside, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Drawn, hashed and sealed (with the management code it is asked by) outside the unit of work, which the writer may run twice.
        var replacement = replaceCode ? seal.AtRest(new RegistrationCodes(manageCode, SecretCode.New())) : null;
        return await db.WriteAsync((c, tx) =>
        {
            var r = RegistrationStore.ByManageCode(c, manageCode, tx);
            if (r is null) return TicketRequest.NotFound;
            if (r.Status != RegistrationStatus.Confirmed) return TicketRequest.NotConfirmed;
            if (Outbox.LastCreatedAt(c, tx, r.Id, PacedKinds) is { } last && now - last < ResendInterval) return TicketRequest.TooSoon;
            if (replacement is not null) RegistrationStore.ReplaceTicketCode(c, tx, r.Id, replacement, now);
            Outbox.Enqueue(c, tx, kind, r.Id, now);
            alongside?.Invoke(c, tx);
            return TicketRequest.Queued;
        }, ct);
    }
}

public enum TicketRequest { Queued, TooSoon, NotConfirmed, NotFound }
