using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Events.Api.CheckIn;

/// <summary>
/// The four statements of a scan, prepared once on the writer connection and reused: at the door rush, parsing the
/// same SQL for every scan cost more than running it. Same SQL as <see cref="CheckInStore"/>, without Dapper.
/// </summary>
public sealed class CheckInCommands
{
    private static readonly ConditionalWeakTable<IDbConnection, CheckInCommands> PerConnection = new();

    private readonly SqliteCommand _byNonce, _byCode, _insert, _audit;

    private CheckInCommands(SqliteConnection c)
    {
        _byNonce = Prepare(c, """
            SELECT s.outcome, r.first_name, r.last_name, r.organisation, s.checked_in_at, s.checked_in_device
            FROM checkin_scans s LEFT JOIN registrations r ON r.id = s.registration_id
            WHERE s.nonce = @nonce
            """, "@nonce");
        _byCode = Prepare(c, """
            SELECT r.id, r.first_name, r.last_name, r.organisation, r.status, k.checked_in_at, k.device
            FROM registrations r LEFT JOIN checkins k ON k.registration_id = r.id
            WHERE r.ticket_code = @code
            """, "@code");
        _insert = Prepare(c, """
            INSERT INTO checkins (registration_id, checked_in_at, device, organiser_id)
            VALUES (@registrationId, @checkedInAt, @device, @organiserId)
            """, "@registrationId", "@checkedInAt", "@device", "@organiserId");
        _audit = Prepare(c, """
            INSERT INTO checkin_scans (nonce, code, registration_id, organiser_id, device, scanned_at, received_at, outcome, checked_in_at, checked_in_device)
            VALUES (@nonce, @code, @registrationId, @organiserId, @device, @scannedAt, @receivedAt, @outcome, @checkedInAt, @checkedInDevice)
            """, "@nonce", "@code", "@registrationId", "@organiserId", "@device", "@scannedAt", "@receivedAt", "@outcome", "@checkedInAt", "@checkedInDevice");
    }

    public static CheckInCommands For(IDbConnection c, IDbTransaction tx)
    {
        var commands = PerConnection.GetValue(c, connection => new CheckInCommands((SqliteConnection)connection));
        foreach (var command in new[] { commands._byNonce, commands._byCode, commands._insert, commands._audit })
            command.Transaction = (SqliteTransaction)tx;
        return commands;
    }

    public CheckInStore.RecordedScan? ByNonce(string nonce)
    {
        _byNonce.Parameters[0].Value = nonce;
        using var r = _byNonce.ExecuteReader();
        return r.Read() ? new(r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), Time(r, 4), Text(r, 5)) : null;
    }

    public CheckInStore.Target? ByTicketCode(string code)
    {
        _byCode.Parameters[0].Value = code;
        using var r = _byCode.ExecuteReader();
        return r.Read() ? new(r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetString(4), Time(r, 5), Text(r, 6)) : null;
    }

    public void Insert(long registrationId, DateTimeOffset checkedInAt, string device, long organiserId)
    {
        Set(_insert, registrationId, Iso(checkedInAt), device, organiserId);
        _insert.ExecuteNonQuery();
    }

    public void Audit(string? nonce, string code, long? registrationId, long organiserId, string device, DateTimeOffset scannedAt,
        DateTimeOffset receivedAt, string outcome, DateTimeOffset? checkedInAt, string? checkedInDevice)
    {
        Set(_audit, nonce, code, registrationId, organiserId, device, Iso(scannedAt), Iso(receivedAt), outcome,
            checkedInAt is { } at ? Iso(at) : null, checkedInDevice);
        _audit.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection c, string sql, params string[] names)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // The same text as Dapper's handler in DapperSetup writes, so both paths read each other's rows.
    private static string Iso(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);
}
