using System.Data;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.CheckIn;

/// <summary>
/// Door check-in: one transactional function with explicit outcomes, idempotent by the client's nonce, every scan
/// audited. The single writer makes the race between phones a non-event: the first scan to arrive wins, the
/// others are told "already checked in".
/// </summary>
public sealed class CheckInService(Db db, Editions events, TimeProvider clock)
{
    public const int DeviceMax = 60;
    public const int NonceMax = 100;
    public const int BatchMax = 500;
    public const int SearchMin = 2;


    /// <summary>One scan. The writer commits the scans waiting together (group commit), each decided in arrival order.</summary>
    public async Task<CheckInResult> CheckInAsync(CheckInRequest request, long organiserId, CancellationToken ct = default)
    {
        var receivedAt = clock.GetUtcNow();
        return Local(await db.WriteAsync((c, tx) => Decide(c, tx, request, organiserId, receivedAt), ct));
    }

    /// <summary>The offline queue of one device: answered in order, in one transaction.</summary>
    public Task<CheckInResult[]> CheckInBatchAsync(IReadOnlyList<CheckInRequest> requests, long organiserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.WriteAsync((c, tx) => requests.Select(r => Local(Decide(c, tx, r, organiserId, now))).ToArray(), ct);
    }

    /// <summary>The rule itself, inside the caller's write transaction.</summary>
    public static CheckInResult Decide(IDbConnection c, IDbTransaction tx, CheckInRequest request, long organiserId, DateTimeOffset now)
    {
        var nonce = Clean(request.Nonce, NonceMax);
        if (nonce is not null && CheckInStore.ByNonce(c, tx, nonce) is { } previous)
            return new CheckInResult(previous.Outcome,
                previous.FirstName is null ? null : new AttendeeView(previous.FirstName, previous.LastName!, previous.Organisation),
                previous.CheckedInAt, previous.CheckedInDevice);

        var device = Clean(request.Device, DeviceMax) ?? "";
        // The device's clock says when the ticket was seen; a time after receipt is a wrong clock, not a scan from the future.
        var scannedAt = request.ScannedAt is { } s && s <= now ? s : now;
        var (target, trace) = Find(c, tx, request);

        CheckInResult result;
        if (target is null) result = new(CheckInOutcome.Unknown, null, null, null);
        else
        {
            var attendee = new AttendeeView(target.FirstName, target.LastName, target.Organisation);
            if (target.Status == RegistrationStatus.Cancelled) result = new(CheckInOutcome.Cancelled, attendee, null, null);
            else if (target.Status != RegistrationStatus.Confirmed) result = new(CheckInOutcome.NotConfirmed, attendee, null, null);
            else if (target.CheckedInAt is { } at) result = new(CheckInOutcome.AlreadyCheckedIn, attendee, at, target.Device);
            else
            {
                CheckInStore.Insert(c, tx, target.Id, scannedAt, device, organiserId);
                result = new(CheckInOutcome.Accepted, attendee, scannedAt, device);
            }
        }
        CheckInStore.Audit(c, tx, nonce, trace, target?.Id, organiserId, device, scannedAt, now,
            result.Outcome, result.CheckedInAt, result.Device);
        return result;
    }

    /// <summary>
    /// Whom a request names (by its code's hash, or the id of a person chosen by name), and what the audit keeps of it:
    /// the SHA-256 of the code when the text is one, else of the text itself (a near miss of a code must not be kept
    /// either), and nothing for a person chosen by name. Never the scanned text.
    /// </summary>
    private static (CheckInStore.Target? Target, string Trace) Find(IDbConnection c, IDbTransaction tx, CheckInRequest request)
    {
        if (request.RegistrationId is { } id) return (CheckInStore.ById(c, tx, id), "");
        if (TicketCode(request.Code) is not { } code) return (null, SecretCode.Hash(Truncate(request.Code ?? "", NonceMax)));
        var hash = SecretCode.Hash(code);
        return (CheckInStore.ByTicketHash(c, tx, hash), hash);
    }

    /// <summary>Undoes a mistaken check-in of <paramref name="ticket"/>'s code or registration, from its device; null when it is not checked in.</summary>
    public Task<CheckInResult?> UndoAsync(CheckInRequest ticket, long organiserId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.WriteAsync((c, tx) => Undo(c, tx, ticket, organiserId, now), ct);
    }

    /// <summary>The undo itself, inside the caller's write transaction (audited as a scan is).</summary>
    public static CheckInResult? Undo(IDbConnection c, IDbTransaction tx, CheckInRequest ticket, long organiserId, DateTimeOffset now)
    {
        var (target, trace) = Find(c, tx, ticket);
        if (target?.CheckedInAt is null || !CheckInStore.Delete(c, tx, target.Id)) return null;
        var name = Clean(ticket.Device, DeviceMax) ?? "";
        CheckInStore.Audit(c, tx, null, trace, target.Id, organiserId, name, now, now, CheckInOutcome.Undone, null, null);
        return new CheckInResult(CheckInOutcome.Undone, new AttendeeView(target.FirstName, target.LastName, target.Organisation), null, null);
    }

    /// <summary>
    /// The roster for the phones: all of it, or only what changed after <paramref name="since"/> (a cursor this
    /// method gave earlier). A cursor of another edition, or ahead of the database (a restored backup), or unreadable,
    /// gets the full roster: the phone then replaces its copy.
    /// </summary>
    public Roster Roster(string? since = null)
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        // The sequence is read before the rows: a change committed in between is sent now and again next time
        // (the phone applies it twice, harmlessly), never missed.
        var seq = CheckInStore.RosterSeq(c);
        var from = RosterCursor.Parse(since, ev.Id, seq);
        var rows = from is { } after ? CheckInStore.RosterSince(c, ev.Id, after) : CheckInStore.Roster(c, ev.Id);
        return new Roster(RosterCursor.Format(ev.Id, seq), from is null, rows.Select(e => e with { CheckedInAt = Local(e.CheckedInAt) }).ToList());
    }

    public CheckInCounts Counts()
    {
        using var c = db.OpenRead();
        return CheckInStore.Counts(c, events.Current().Id);
    }

    /// <summary>
    /// Name search at the door: the first letters of a first or last name (at least two), accents and case ignored
    /// (<see cref="NameMatch"/>, the rule the phone applies offline). SQL's LIKE cannot fold accents, so the names are
    /// matched here: one pass over the event's live registrations, a few milliseconds for 10,000.
    /// </summary>
    public IReadOnlyList<RosterEntry> Search(string? prefix, int limit = 20)
    {
        var text = prefix?.Trim() ?? "";
        if (text.Length < SearchMin || text.Length > 100) return [];
        var query = NameMatch.Fold(text);
        using var c = db.OpenRead();
        return CheckInStore.Live(c, events.Current().Id)
            .Where(e => NameMatch.Matches(query, e.FirstName, e.LastName))
            .OrderBy(e => e.LastName, StringComparer.CurrentCultureIgnoreCase).ThenBy(e => e.FirstName, StringComparer.CurrentCultureIgnoreCase)
            .Take(limit)
            .Select(e => e with { CheckedInAt = Local(e.CheckedInAt) }).ToList();
    }

    /// <summary>A scanned QR may hold the bare code or a ticket link ending with it.</summary>
    public static string? TicketCode(string? scanned)
    {
        if (string.IsNullOrWhiteSpace(scanned)) return null;
        var text = scanned.Trim().TrimEnd('/');
        var slash = text.LastIndexOf('/');
        return SecretCode.Normalise(slash >= 0 ? text[(slash + 1)..] : text);
    }

    /// <summary>
    /// Times shown at the door are in the current edition's own time zone ("checked in at 09:02"), read each time (a
    /// cached read): next year's edition may be elsewhere.
    /// </summary>
    public DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? events.Current().Local(i) : null;

    private CheckInResult Local(CheckInResult r) => r.CheckedInAt is null ? r : r with { CheckedInAt = Local(r.CheckedInAt) };

    private static string? Clean(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = TextRules.OneLine(text); // a phone's device name is repaired, not refused: the scan matters more
        return clean.Length == 0 ? null : Truncate(clean, max);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
