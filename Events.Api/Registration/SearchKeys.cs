using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>
/// A registration's names folded (accents and case dropped, <see cref="NameMatch.Fold"/>), stored beside them so that
/// SQL can search and sort them: SQLite's LIKE and its collations fold neither accents nor non-ASCII case. Written by
/// every statement that writes the names (insert, change, erasure).
/// </summary>
public static class SearchKeys
{
    /// <summary>What the organisers' search looks in: first name, last name, e-mail address and organisation.</summary>
    public static string Search(string firstName, string lastName, string email, string? organisation) =>
        NameMatch.Fold($"{firstName} {lastName} {email} {organisation}");

    /// <summary>What the list sorts by name on: last name, then first name.</summary>
    public static string Sort(string firstName, string lastName) => NameMatch.Fold($"{lastName} {firstName}");

    /// <summary>
    /// At start-up: folds the registrations written before the keys existed (once; none afterwards), in units of
    /// <paramref name="batch"/> rows in id order, so memory stays flat and the writer is never held long, whatever the
    /// size of the file (all at once, 2.7 million rows ran the app out of its heap). Returns how many were folded.
    /// </summary>
    public static int FoldOlderRegistrations(Db db, int batch = 1000)
    {
        long after = 0;
        var folded = 0;
        while (true)
        {
            var from = after;
            var (count, last) = db.WriteAsync((c, tx) =>
            {
                var rows = RegistrationStore.Unfolded(c, tx, from, batch);
                foreach (var r in rows) RegistrationStore.SetKeys(c, tx, r.Id, Search(r.FirstName, r.LastName, r.Email, r.Organisation), Sort(r.FirstName, r.LastName));
                return (rows.Count, rows.Count > 0 ? rows[^1].Id : from);
            }).GetAwaiter().GetResult();
            folded += count;
            after = last;
            if (count < batch) return folded;
        }
    }
}
