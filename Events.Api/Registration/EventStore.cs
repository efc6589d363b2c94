using Dapper;
using Events.Api.Configuration;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>Reads the current event and seeds it from configuration on first start.</summary>
public sealed class EventStore(Db db)
{
    private const string Columns = """
        id, title, description_fr, description_en, starts_at, ends_at, time_zone, venue, address,
        capacity, confirmed, waitlisted, registration_opens_at, registration_closes_at
        """;

    /// <summary>The edition being run is the most recent event row: this subquery, for SQL that must name it.</summary>
    public const string CurrentIdSql = "(SELECT MAX(id) FROM events)";

    /// <summary>The edition being run: the most recent event row.</summary>
    public EventInfo Current()
    {
        using var c = db.OpenRead();
        return c.QuerySingle<EventInfo>($"SELECT {Columns} FROM events WHERE id = {CurrentIdSql}");
    }

    /// <summary>A given edition (a ticket or message belongs to the event it was registered for).</summary>
    public static EventInfo ById(System.Data.IDbConnection c, long id) =>
        c.QuerySingle<EventInfo>($"SELECT {Columns} FROM events WHERE id = @id", new { id });

    /// <summary>Just what the registration hot path needs: the current event's id and registration window.</summary>
    public static RegistrationWindow Window(System.Data.IDbConnection c, System.Data.IDbTransaction? tx = null) =>
        tx is null
            ? c.QuerySingle<RegistrationWindow>(WindowSql)
            : c.Row<RegistrationWindow>(tx, WindowSql)!;

    private const string WindowSql = $"SELECT id, registration_opens_at, registration_closes_at, ends_at FROM events WHERE id = {CurrentIdSql}";

    public void SeedIfEmpty(EventSeedOptions seed) => db.WriteAsync((c, tx) =>
    {
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM events", transaction: tx) > 0) return;
        c.Execute("""
            INSERT INTO events (title, description_fr, description_en, starts_at, ends_at, time_zone, venue, address,
                                capacity, registration_opens_at, registration_closes_at)
            VALUES (@Title, @Description, @DescriptionEn, @StartsAt, @EndsAt, @TimeZone, @Venue, @Address,
                    @Capacity, @RegistrationOpensAt, @RegistrationClosesAt)
            """, seed, tx);
    }).GetAwaiter().GetResult();
}
