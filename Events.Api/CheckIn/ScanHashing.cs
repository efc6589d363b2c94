using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.CheckIn;

/// <summary>
/// At start-up: the scans audited before migration 0018 kept what was scanned, a ticket code or link in clear, and
/// the door page's name-search form had put the code in its nonce. Both get the form the audit keeps now (see
/// <see cref="CheckInService"/>): once, then the migration's partial index is empty and this costs one look at it.
/// </summary>
public static class ScanHashing
{
    /// <summary>As <see cref="Registration.CodeHashing"/>: <paramref name="batch"/> rows per unit, zeroed in the file. Returns how many were rewritten.</summary>
    public static int HashOlderScans(Db db, int batch = 1000)
    {
        using (var read = db.OpenRead())
            if (CheckInStore.ClearScans(read, null, 1).Count == 0) return 0;
        return db.Scrubbing(() => db.InBatches(batch, (c, tx) =>
        {
            var rows = CheckInStore.ClearScans(c, tx, batch);
            foreach (var (id, code, nonce) in rows)
            {
                var trace = SecretCode.Hash(CheckInService.TicketCode(code) ?? code);
                var carriesCode = nonce is { Length: > SecretCode.Length } n && SecretCode.Normalise(n[^SecretCode.Length..]) == n[^SecretCode.Length..];
                CheckInStore.HashScan(c, tx, id, trace, carriesCode ? SecretCode.Hash(nonce!) : nonce);
            }
            return rows.Count;
        }));
    }
}
