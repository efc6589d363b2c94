using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>
/// At start-up: the registrations written before codes were hashed (migration 0018) get their hashes and sealed copy,
/// so that every management and ticket link they were e-mailed keeps working. Once; afterwards the partial index
/// the migration made is empty and this costs one look at it.
/// </summary>
public static class CodeHashing
{
    /// <summary>
    /// Hashes and seals the codes still in clear, <paramref name="batch"/> rows per unit of work, so the writer is never
    /// held long and no transaction grows with the file (10,000 registrations are ten units). With SQLite's
    /// secure_delete on and the WAL emptied afterwards (<see cref="Db.Scrubbing"/>), the codes are gone from the file's
    /// bytes too, not left in its free space. Returns how many registrations were rewritten.
    /// </summary>
    public static int HashOlderCodes(Db db, CodeSeal seal, int batch = 1000)
    {
        using (var read = db.OpenRead())
            if (RegistrationStore.ClearCodes(read, null, 1).Count == 0) return 0; // every start after the first: one look at an empty index
        return db.Scrubbing(() => db.InBatches(batch, (c, tx) =>
        {
            var rows = RegistrationStore.ClearCodes(c, tx, batch);
            foreach (var (id, manage, ticket) in rows)
            {
                // A value that is not a code was never reachable (a typed code is normalised first); hashing it keeps it so.
                var codes = SecretCode.Normalise(manage) == manage && SecretCode.Normalise(ticket) == ticket ? new RegistrationCodes(manage, ticket) : null;
                RegistrationStore.HashCodes(c, tx, id, SecretCode.Hash(manage), SecretCode.Hash(ticket), codes is null ? null : seal.AtRest(codes).Sealed);
            }
            return rows.Count;
        }));
    }
}
