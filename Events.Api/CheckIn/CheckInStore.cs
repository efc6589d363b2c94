using System.Data;
using Dapper;
using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.CheckIn;

/// <summary>The SQL of check-in. Writes run inside the transaction given by <c>Db.WriteAsync</c>.</summary>
public static class CheckInStore
{
    /// <summary>A ticket's registration and, when already let in, when and where.</summary>
    public sealed record Target(long Id, string FirstName, string LastName, string? Organisation, string Status,
        DateTimeOffset? CheckedInAt, string? Device);

    /// <summary>A recorded scan, for answering a retried nonce the same way.</summary>
    public sealed record RecordedScan(string Outcome, string? FirstName, string? LastName, string? Organisation,
        DateTimeOffset? CheckedInAt, string? CheckedInDevice);

    // The statements of a scan run at the door rush: prepared once on the writer (Statements), mapped by Dapper.

    /// <summary>A ticket of the current event, by the hash of its code (the only form stored); a code of another edition is unknown here.</summary>
    public static Target? ByTicketHash(IDbConnection c, IDbTransaction tx, string codeHash) =>
        c.Row<Target>(tx, $"""
            SELECT r.id, r.first_name, r.last_name, r.organisation, r.status, k.checked_in_at, k.device
            FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
            WHERE r.ticket_code_hash = @hash AND r.event_id = {EventStore.CurrentIdSql}
            """, ("@hash", codeHash));

    /// <summary>A registration of the current event chosen by name at the door.</summary>
    public static Target? ById(IDbConnection c, IDbTransaction tx, long id) =>
        c.Row<Target>(tx, $"""
            SELECT r.id, r.first_name, r.last_name, r.organisation, r.status, k.checked_in_at, k.device
            FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
            WHERE r.id = @id AND r.event_id = {EventStore.CurrentIdSql}
            """, ("@id", id));

    public static RecordedScan? ByNonce(IDbConnection c, IDbTransaction tx, string nonce) =>
        c.Row<RecordedScan>(tx, """
            SELECT s.outcome, r.first_name, r.last_name, r.organisation, s.checked_in_at, s.checked_in_device
            FROM checkin_scans s LEFT JOIN registrations r ON r.id = s.registration_id
            WHERE s.nonce = @nonce
            """, ("@nonce", nonce));

    public static void Insert(IDbConnection c, IDbTransaction tx, long registrationId, DateTimeOffset checkedInAt, string device, long organiserId) =>
        c.Run(tx, """
            INSERT INTO checkins (registration_id, checked_in_at, device, organiser_id)
            VALUES (@registrationId, @checkedInAt, @device, @organiserId)
            """, ("@registrationId", registrationId), ("@checkedInAt", checkedInAt), ("@device", device), ("@organiserId", organiserId));

    public static bool Delete(IDbConnection c, IDbTransaction tx, long registrationId) =>
        c.Execute("DELETE FROM checkins WHERE registration_id = @registrationId", new { registrationId }, tx) == 1;

    public static void Audit(IDbConnection c, IDbTransaction tx, string? nonce, string code, long? registrationId, long organiserId,
        string device, DateTimeOffset scannedAt, DateTimeOffset receivedAt, string outcome, DateTimeOffset? checkedInAt, string? checkedInDevice) =>
        c.Run(tx, """
            INSERT INTO checkin_scans (nonce, code, registration_id, organiser_id, device, scanned_at, received_at, outcome, checked_in_at, checked_in_device)
            VALUES (@nonce, @code, @registrationId, @organiserId, @device, @scannedAt, @receivedAt, @outcome, @checkedInAt, @checkedInDevice)
            """, ("@nonce", nonce), ("@code", code), ("@registrationId", registrationId), ("@organiserId", organiserId), ("@device", device),
            ("@scannedAt", scannedAt), ("@receivedAt", receivedAt), ("@outcome", outcome), ("@checkedInAt", checkedInAt), ("@checkedInDevice", checkedInDevice));

    public static CheckInCounts Counts(IDbConnection c, long eventId) =>
        c.QuerySingle<CheckInCounts>("""
            SELECT (SELECT COUNT(*) FROM checkins k JOIN registrations r ON r.id = k.registration_id
                    WHERE r.event_id = @eventId AND r.status = 'confirmed') AS checked_in,
                   (SELECT confirmed FROM events WHERE id = @eventId) AS confirmed
            """, new { eventId });

    /// <summary>The latest change in the roster log (migration 0007's triggers): 0 before any.</summary>
    public static long RosterSeq(IDbConnection c) =>
        c.ExecuteScalar<long>("SELECT COALESCE(MAX(seq), 0) FROM roster_changes");

    private const string RosterSelect = """
        SELECT r.id, r.ticket_code_hash AS code_hash, r.first_name, r.last_name, r.organisation, r.status, k.checked_in_at, k.device
        FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
        """;

    public static IEnumerable<RosterEntry> Roster(IDbConnection c, long eventId) =>
        c.Query<RosterEntry>(RosterSelect + " WHERE r.event_id = @eventId ORDER BY r.last_name, r.first_name", new { eventId });

    /// <summary>The registrations changed after <paramref name="seq"/>: the log's tail, then each one by its key.</summary>
    public static IEnumerable<RosterEntry> RosterSince(IDbConnection c, long eventId, long seq) =>
        c.Query<RosterEntry>(RosterSelect + """
             WHERE r.event_id = @eventId AND r.id IN (SELECT registration_id FROM roster_changes WHERE seq > @seq)
            """, new { eventId, seq });

    /// <summary>Up to <paramref name="limit"/> scans whose audit still holds what was scanned in clear (before migration 0018), by the partial index.</summary>
    public static IReadOnlyList<(long Id, string Code, string? Nonce)> ClearScans(IDbConnection c, IDbTransaction? tx, int limit) =>
        c.Query<(long, string, string?)>("""
            SELECT id, code, nonce FROM checkin_scans
            WHERE code <> '' AND (length(code) <> 64 OR code GLOB '*[^0-9a-f]*') ORDER BY id LIMIT @limit
            """, new { limit }, tx).AsList();

    public static void HashScan(IDbConnection c, IDbTransaction tx, long id, string codeHash, string? nonce) =>
        c.Execute("UPDATE checkin_scans SET code = @codeHash, nonce = @nonce WHERE id = @id", new { id, codeHash, nonce }, tx);

    /// <summary>Everyone not cancelled, for the name search (which folds accents, as SQL's LIKE cannot).</summary>
    public static IEnumerable<RosterEntry> Live(IDbConnection c, long eventId) =>
        c.Query<RosterEntry>(RosterSelect + " WHERE r.event_id = @eventId AND r.status <> 'cancelled'", new { eventId });
}
