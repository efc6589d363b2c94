using Dapper;
using Events.Api.Storage;
using Events.Api.Configuration;

namespace Events.Api.Registration;

/// <summary>The SQL of events (editions).</summary>
public static class EventStore
{
    private const string Columns = """
        id, title, description_fr, description_en, starts_at, ends_at, time_zone, venue, address,
        capacity, confirmed, waitlisted, registration_opens_at, registration_closes_at, how_to_come_fr, how_to_come_en
        """;

    /// <summary>
    /// The edition being run is the most recent event row: this subquery, for SQL that must name it. (The door's
    /// hot path names it inside its own statement instead of reading the event first.)
    /// </summary>
    public const string CurrentIdSql = "(SELECT MAX(id) FROM events)";

    /// <summary>The edition being run: the most recent event row.</summary>
    public static EventInfo Current(System.Data.IDbConnection c) =>
        c.QuerySingle<EventInfo>($"SELECT {Columns} FROM events WHERE id = {CurrentIdSql}");

    /// <summary>A given edition (a ticket or message belongs to the event it was registered for).</summary>
    public static EventInfo ById(System.Data.IDbConnection c, long id) =>
        c.QuerySingle<EventInfo>($"SELECT {Columns} FROM events WHERE id = @id", new { id });

    /// <summary>Just what the registration hot path needs: the current event's id and registration window.</summary>
    public static RegistrationWindow Window(System.Data.IDbConnection c, System.Data.IDbTransaction? tx = null) =>
        tx is null
            ? c.QuerySingle<RegistrationWindow>(WindowSql)
            : c.Row<RegistrationWindow>(tx, WindowSql)!;

    private const string WindowSql = $"SELECT id, registration_opens_at, registration_closes_at, ends_at FROM events WHERE id = {CurrentIdSql}";

    /// <summary>What admins edit on the event settings page; the counters are left alone.</summary>
    public static void Update(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long id, string title, string? descriptionFr,
        string? descriptionEn, DateTimeOffset startsAt, DateTimeOffset endsAt, string venue, string address, int capacity,
        DateTimeOffset? opensAt, DateTimeOffset? closesAt, string howToComeFr, string howToComeEn) =>
        c.Execute("""
            UPDATE events SET title = @title, description_fr = @descriptionFr, description_en = @descriptionEn, starts_at = @startsAt,
                ends_at = @endsAt, venue = @venue, address = @address, capacity = @capacity, registration_opens_at = @opensAt,
                registration_closes_at = @closesAt, how_to_come_fr = @howToComeFr, how_to_come_en = @howToComeEn
            WHERE id = @id
            """, new { id, title, descriptionFr, descriptionEn, startsAt, endsAt, venue, address, capacity, opensAt, closesAt, howToComeFr, howToComeEn }, tx);

    /// <summary>When each edition ends (retention counts from there).</summary>
    public static IReadOnlyList<(long Id, DateTimeOffset EndsAt)> Ends(System.Data.IDbConnection c, System.Data.IDbTransaction tx) =>
        c.Query<(long, DateTimeOffset)>("SELECT id, ends_at FROM events", transaction: tx).ToList();

    /// <summary>A new edition with <paramref name="from"/>'s settings, its own dates, and empty counters; returns its id.</summary>
    public static long InsertEdition(System.Data.IDbConnection c, System.Data.IDbTransaction tx, EventInfo from,
        DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        c.QuerySingle<long>("""
            INSERT INTO events (title, description_fr, description_en, starts_at, ends_at, time_zone, venue, address,
                                capacity, registration_opens_at, registration_closes_at, how_to_come_fr, how_to_come_en)
            VALUES (@Title, @DescriptionFr, @DescriptionEn, @startsAt, @endsAt, @TimeZone, @Venue, @Address,
                    @Capacity, @opensAt, @closesAt, @HowToComeFr, @HowToComeEn)
            RETURNING id
            """, new
        {
            from.Title, from.DescriptionFr, from.DescriptionEn, startsAt = startsAt.ToUniversalTime(), endsAt = endsAt.ToUniversalTime(),
            from.TimeZone, from.Venue, from.Address, from.Capacity, opensAt = opensAt?.ToUniversalTime(), closesAt = closesAt?.ToUniversalTime(),
            from.HowToComeFr, from.HowToComeEn,
        }, tx);

    /// <summary>The first edition, from configuration, when there is none yet.</summary>
    public static void SeedIfEmpty(System.Data.IDbConnection c, System.Data.IDbTransaction tx, EventSeedOptions seed)
    {
        if (c.ExecuteScalar<long>("SELECT COUNT(*) FROM events", transaction: tx) > 0) return;
        c.Execute("""
            INSERT INTO events (title, description_fr, description_en, starts_at, ends_at, time_zone, venue, address,
                                capacity, registration_opens_at, registration_closes_at, how_to_come_fr, how_to_come_en)
            VALUES (@Title, @Description, @DescriptionEn, @StartsAt, @EndsAt, @TimeZone, @Venue, @Address,
                    @Capacity, @RegistrationOpensAt, @RegistrationClosesAt, @HowToCome, @HowToComeEn)
            """, seed, tx);
    }
}
