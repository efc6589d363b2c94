using System.Data;
using Dapper;
using Events.Api.Mail;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>The SQL of registration. Every method that writes runs inside a transaction given by <c>Db.WriteAsync</c>.</summary>
public static class RegistrationStore
{
    private const string Columns = """
        id, event_id, first_name, last_name, email, organisation, accessibility_needs,
        language, status, waitlist_seq, created_at, updated_at, cancelled_at, codes_sealed
        """;

    /// <summary>The registration a management code opens, found by the code's hash (the only form stored).</summary>
    public static Registration? ByManageCode(IDbConnection c, string manageCode, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Registration>($"SELECT {Columns} FROM registrations WHERE manage_code_hash = @hash",
            new { hash = SecretCode.Hash(manageCode) }, tx);

    /// <summary>The registration a ticket code belongs to, found by the code's hash.</summary>
    public static Registration? ByTicketCode(IDbConnection c, string ticketCode, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Registration>($"SELECT {Columns} FROM registrations WHERE ticket_code_hash = @hash",
            new { hash = SecretCode.Hash(ticketCode) }, tx);

    public static Registration? ById(IDbConnection c, long id, IDbTransaction? tx = null) =>
        c.QuerySingleOrDefault<Registration>($"SELECT {Columns} FROM registrations WHERE id = @id", new { id }, tx);

    public static long? LiveIdByEmail(IDbConnection c, IDbTransaction tx, long eventId, string emailKey) =>
        c.Row<long?>(tx, "SELECT id FROM registrations WHERE event_id = @eventId AND email_key = @emailKey AND status <> 'cancelled'",
            ("@eventId", eventId), ("@emailKey", emailKey));

    /// <summary>Takes a seat if one is left: the counter, not a COUNT(*), is the capacity check.</summary>
    public static bool TryTakeSeat(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Run(tx, "UPDATE events SET confirmed = confirmed + 1 WHERE id = @eventId AND confirmed < capacity", ("@eventId", eventId)) == 1;

    /// <summary>Confirmed registrations and seats, to say how full the event is.</summary>
    public static (long Confirmed, long Capacity) Seats(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.QuerySingle<(long, long)>("SELECT confirmed, capacity FROM events WHERE id = @eventId", new { eventId }, tx);

    /// <summary>Joins the waiting list; returns (position, sequence number).</summary>
    public static (long Position, long Seq) JoinWaitlist(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Row<(long, long)>(tx,
            "UPDATE events SET waitlisted = waitlisted + 1, waitlist_seq = waitlist_seq + 1 WHERE id = @eventId RETURNING waitlisted, waitlist_seq",
            ("@eventId", eventId));

    /// <summary>A new registration; its codes were drawn, hashed and sealed by the caller, outside the unit of work.</summary>
    public static Registration Insert(IDbConnection c, IDbTransaction tx, long eventId, RegistrationInput input, string status, long? waitlistSeq,
        CodesAtRest codes, DateTimeOffset now) =>
        c.Row<Registration>(tx, InsertSql,
            ("@eventId", eventId), ("@manageHash", codes.ManageHash), ("@ticketHash", codes.TicketHash), ("@sealed", codes.Sealed),
            ("@firstName", input.FirstName!.Trim()), ("@lastName", input.LastName!.Trim()), ("@email", input.Email!.Trim()),
            ("@emailKey", EmailAddress.Key(input.Email!)),
            ("@organisation", TextRules.CleanOrNull(input.Organisation)), ("@needs", TextRules.CleanOrNull(input.AccessibilityNeeds)),
            ("@language", Localisation.Lang.OrDefault(input.Language)), ("@status", status), ("@waitlistSeq", waitlistSeq), ("@now", now),
            ("@searchKey", SearchKeys.Search(input.FirstName.Trim(), input.LastName.Trim(), input.Email.Trim(), TextRules.CleanOrNull(input.Organisation))),
            ("@sortKey", SearchKeys.Sort(input.FirstName.Trim(), input.LastName.Trim())))!;

    private const string InsertSql = $"""
            INSERT INTO registrations (event_id, manage_code_hash, ticket_code_hash, codes_sealed, first_name, last_name, email, email_key,
                organisation, accessibility_needs, language, status, waitlist_seq, created_at, updated_at, waitlisted_at, search_key, sort_key)
            VALUES (@eventId, @manageHash, @ticketHash, @sealed, @firstName, @lastName, @email, @emailKey,
                @organisation, @needs, @language, @status, @waitlistSeq, @now, @now, CASE WHEN @status = 'waitlisted' THEN @now END, @searchKey, @sortKey)
            RETURNING {Columns}
            """;

    /// <summary>Position on the waiting list: how many waiting people joined no later than this one.</summary>
    public static long WaitlistPosition(IDbConnection c, long eventId, long seq, IDbTransaction? tx = null) =>
        c.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM registrations WHERE event_id = @eventId AND status = 'waitlisted' AND waitlist_seq <= @seq",
            new { eventId, seq }, tx);

    /// <summary>Gives free seats to the people waiting longest, one outbox message each.</summary>
    public static int PromoteWaiting(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset now)
    {
        var promoted = 0;
        while (TryTakeSeat(c, tx, eventId))
        {
            var next = c.QuerySingleOrDefault<long?>(
                "SELECT id FROM registrations WHERE event_id = @eventId AND status = 'waitlisted' ORDER BY waitlist_seq LIMIT 1",
                new { eventId }, tx);
            if (next is null)
            {
                c.Execute("UPDATE events SET confirmed = confirmed - 1 WHERE id = @eventId", new { eventId }, tx); // give the seat back
                break;
            }
            Promote(c, tx, next.Value, eventId, now);
            promoted++;
        }
        return promoted;
    }

    /// <summary>A waiting registration takes the seat its caller has just taken, and is e-mailed its ticket.</summary>
    public static void Promote(IDbConnection c, IDbTransaction tx, long id, long eventId, DateTimeOffset now, string mail = MailKind.Promoted)
    {
        c.Execute("UPDATE registrations SET status = 'confirmed', waitlist_seq = NULL, updated_at = @now, promoted_at = @now WHERE id = @id", new { id, now }, tx);
        c.Execute("UPDATE events SET waitlisted = waitlisted - 1 WHERE id = @eventId", new { eventId }, tx);
        Outbox.Enqueue(c, tx, mail, id, now);
    }

    /// <summary>A cancelled registration confirmed again, on the seat its caller has just taken.</summary>
    public static void Reinstate(IDbConnection c, IDbTransaction tx, long id, DateTimeOffset now) =>
        c.Execute("UPDATE registrations SET status = 'confirmed', cancelled_at = NULL, updated_at = @now WHERE id = @id", new { id, now }, tx);

    public static void UpdateDetails(IDbConnection c, IDbTransaction tx, Registration r, DateTimeOffset now,
        string firstName, string lastName, string? organisation, string? needs, string language) =>
        c.Execute("""
            UPDATE registrations SET first_name = @firstName, last_name = @lastName, organisation = @organisation,
                accessibility_needs = @needs, language = @language, updated_at = @now, search_key = @searchKey, sort_key = @sortKey
            WHERE id = @id
            """, new
            {
                id = r.Id, now, firstName, lastName, organisation, needs, language,
                searchKey = SearchKeys.Search(firstName, lastName, r.Email, organisation), sortKey = SearchKeys.Sort(firstName, lastName),
            }, tx);

    /// <summary>Up to <paramref name="limit"/> registrations after <paramref name="afterId"/> written before their names were kept folded (migration 0014).</summary>
    public static IReadOnlyList<(long Id, string FirstName, string LastName, string Email, string? Organisation)> Unfolded(
        IDbConnection c, IDbTransaction tx, long afterId, int limit) =>
        c.Query<(long, string, string, string, string?)>("""
            SELECT id, first_name, last_name, email, organisation FROM registrations
            WHERE id > @afterId AND search_key IS NULL ORDER BY id LIMIT @limit
            """, new { afterId, limit }, tx).AsList();

    /// <summary>The folded names of a registration written before they were kept (see <see cref="SearchKeys"/>).</summary>
    public static void SetKeys(IDbConnection c, IDbTransaction tx, long id, string searchKey, string sortKey) =>
        c.Execute("UPDATE registrations SET search_key = @searchKey, sort_key = @sortKey WHERE id = @id", new { id, searchKey, sortKey }, tx);

    /// <summary>Cancels <paramref name="r"/> and frees its place in the event's counters (the caller promotes the waiting list).</summary>
    public static void Cancel(IDbConnection c, IDbTransaction tx, Registration r, DateTimeOffset now)
    {
        c.Execute("UPDATE registrations SET status = 'cancelled', waitlist_seq = NULL, cancelled_at = @now, updated_at = @now WHERE id = @Id",
            new { r.Id, now }, tx);
        var counter = r.Status == RegistrationStatus.Confirmed ? "confirmed" : "waitlisted";
        c.Execute($"UPDATE events SET {counter} = {counter} - 1 WHERE id = @EventId", new { r.EventId }, tx);
    }

    /// <summary>
    /// A new ticket code: the old one stops working at once. The code is drawn, hashed and sealed (with the same
    /// management code) by the caller, outside the unit of work.
    /// </summary>
    public static void ReplaceTicketCode(IDbConnection c, IDbTransaction tx, long id, CodesAtRest codes, DateTimeOffset now) =>
        c.Execute("UPDATE registrations SET ticket_code_hash = @TicketHash, codes_sealed = @Sealed, updated_at = @now WHERE id = @id",
            new { codes.TicketHash, codes.Sealed, now, id }, tx);

    /// <summary>Up to <paramref name="limit"/> registrations whose codes are still in clear (written before migration 0018), by the partial index.</summary>
    public static IReadOnlyList<(long Id, string ManageCode, string TicketCode)> ClearCodes(IDbConnection c, IDbTransaction? tx, int limit) =>
        c.Query<(long, string, string)>("""
            SELECT id, manage_code_hash, ticket_code_hash FROM registrations
            WHERE length(ticket_code_hash) = 28 ORDER BY id LIMIT @limit
            """, new { limit }, tx).AsList();

    /// <summary>Puts the hashes (and the sealed copy, or null) in place of codes kept in clear.</summary>
    public static void HashCodes(IDbConnection c, IDbTransaction tx, long id, string manageHash, string ticketHash, string? codesSealed) =>
        c.Execute("UPDATE registrations SET manage_code_hash = @manageHash, ticket_code_hash = @ticketHash, codes_sealed = @codesSealed WHERE id = @id",
            new { id, manageHash, ticketHash, codesSealed }, tx);

    /// <summary>Retention: the day after the event, accessibility needs go.</summary>
    public static int EraseNeeds(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset now) =>
        c.Execute("""
            UPDATE registrations SET accessibility_needs = NULL, updated_at = @now
            WHERE event_id = @eventId AND accessibility_needs IS NOT NULL
            """, new { eventId, now }, tx);

    /// <summary>
    /// Retention: three months after, the rows are emptied of everything personal (kept for the figures), and their
    /// management and ticket links stop opening anything (no code hashes to these values, and the sealed copy goes).
    /// </summary>
    public static int ErasePeople(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset now) =>
        c.Execute("""
            UPDATE registrations SET first_name = '', last_name = '', email = '', email_key = 'erased-' || id,
                manage_code_hash = 'erased-m-' || id, ticket_code_hash = 'erased-t-' || id, codes_sealed = NULL,
                organisation = NULL, accessibility_needs = NULL, search_key = '', sort_key = '', updated_at = @now
            WHERE event_id = @eventId AND email <> ''
            """, new { eventId, now }, tx);

    /// <summary>
    /// The confirmed registrations of an event made before <paramref name="due"/> and not yet reminded, marked reminded
    /// in the same statement, so each gets one reminder whatever restarts.
    /// </summary>
    public static IReadOnlyCollection<long> TakeReminderRecipients(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset due, DateTimeOffset now) =>
        c.Query<long>("""
            UPDATE registrations SET reminded_at = @now
            WHERE event_id = @eventId AND status = 'confirmed' AND reminded_at IS NULL AND created_at < @due
            RETURNING id
            """, new { eventId, due = due.ToUniversalTime(), now = now.ToUniversalTime() }, tx).AsList();

    /// <summary>Every registration of an event (retention erases what is queued for them).</summary>
    public static IReadOnlyCollection<long> IdsOf(IDbConnection c, IDbTransaction tx, long eventId) =>
        c.Query<long>("SELECT id FROM registrations WHERE event_id = @eventId", new { eventId }, tx).AsList();
}
