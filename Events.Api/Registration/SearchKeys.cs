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

    /// <summary>At start-up: folds the registrations written before the keys existed (once; none afterwards).</summary>
    public static void FoldOlderRegistrations(Db db) =>
        db.WriteAsync((c, tx) =>
        {
            var rows = RegistrationStore.Unfolded(c, tx);
            foreach (var r in rows) RegistrationStore.SetKeys(c, tx, r.Id, Search(r.FirstName, r.LastName, r.Email, r.Organisation), Sort(r.FirstName, r.LastName));
            return rows.Count;
        }).GetAwaiter().GetResult();
}
