using System.Globalization;

namespace Events.Api.Storage;

/// <summary>
/// How values meet columns, for Dapper (<see cref="DapperSetup"/>) and the writer's prepared statements
/// (<see cref="Statements"/>) alike: instants as ISO 8601 text with their offset, snake_case columns matched to
/// PascalCase members.
/// </summary>
public static class SqlConventions
{
    public static string WriteInstant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary><c>checked_in_at</c> and <c>CheckedInAt</c> give the same key.</summary>
    public static string MemberKey(string name) => name.Replace("_", "").ToLowerInvariant();
}
