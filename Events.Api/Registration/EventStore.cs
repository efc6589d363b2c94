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
    /// The edition being run, as admins chose it: this subquery, for SQL that must name it. (The door's hot path names
    /// it inside its own statement instead of reading the event first.)
    /// </summary>
    public const string CurrentIdSql = "(SELECT event_id FROM current_edition)";

    /// <summary>The edition being run.</summary>
    public static EventInfo Current(System.Data.IDbConnection c, System.Data.IDbTransaction? tx = null) =>
        c.QuerySingle<EventInfo>($"SELECT {Columns} FROM events WHERE id = {CurrentIdSql}", transaction: tx);

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
    public static void Update(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long id, ValidEventSettings v) =>
        c.Execute("""
            UPDATE events SET title = @Title, description_fr = @DescriptionFr, description_en = @DescriptionEn, starts_at = @startsAt,
                ends_at = @endsAt, venue = @Venue, address = @Address, capacity = @Capacity, registration_opens_at = @opensAt,
                registration_closes_at = @closesAt, how_to_come_fr = @HowToComeFr, how_to_come_en = @HowToComeEn
            WHERE id = @id
            """, Parameters(v, new { id }), tx);

    /// <summary>When each edition ends (retention counts from there).</summary>
    public static IReadOnlyList<(long Id, DateTimeOffset EndsAt)> Ends(System.Data.IDbConnection c, System.Data.IDbTransaction tx) =>
        c.Query<(long, DateTimeOffset)>("SELECT id, ends_at FROM events", transaction: tx).ToList();

    /// <summary>A new edition with these settings in <paramref name="timeZone"/>, and empty counters; returns its id.</summary>
    public static long InsertEdition(System.Data.IDbConnection c, System.Data.IDbTransaction tx, ValidEventSettings v, string timeZone) =>
        c.QuerySingle<long>("""
            INSERT INTO events (title, description_fr, description_en, starts_at, ends_at, time_zone, venue, address,
                                capacity, registration_opens_at, registration_closes_at, how_to_come_fr, how_to_come_en)
            VALUES (@Title, @DescriptionFr, @DescriptionEn, @startsAt, @endsAt, @timeZone, @Venue, @Address,
                    @Capacity, @opensAt, @closesAt, @HowToComeFr, @HowToComeEn)
            RETURNING id
            """, Parameters(v, new { timeZone }), tx);

    private static DynamicParameters Parameters(ValidEventSettings v, object extra)
    {
        var p = new DynamicParameters(new
        {
            v.Title, v.DescriptionFr, v.DescriptionEn, v.Venue, v.Address, v.Capacity, v.HowToComeFr, v.HowToComeEn,
            startsAt = v.StartsAt.ToUniversalTime(), endsAt = v.EndsAt.ToUniversalTime(),
            opensAt = v.RegistrationOpensAt?.ToUniversalTime(), closesAt = v.RegistrationClosesAt?.ToUniversalTime(),
        });
        p.AddDynamicParams(extra);
        return p;
    }

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
        MakeCurrent(c, tx, c.ExecuteScalar<long>("SELECT MAX(id) FROM events", transaction: tx));
    }

    /// <summary>The newest edition: the upcoming one when next year's is prepared, else the current one.</summary>
    public static EventInfo Latest(System.Data.IDbConnection c, System.Data.IDbTransaction tx) =>
        c.QuerySingle<EventInfo>($"SELECT {Columns} FROM events WHERE id = (SELECT MAX(id) FROM events)", transaction: tx);

    /// <summary>The edition before this one, if any.</summary>
    public static EventInfo? Before(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long id) =>
        c.QuerySingleOrDefault<EventInfo>($"SELECT {Columns} FROM events WHERE id = (SELECT MAX(id) FROM events WHERE id < @id)", new { id }, tx);

    /// <summary>Registrations of any status an edition has (switching back is only for an edition nobody joined).</summary>
    public static long Registrations(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long id) =>
        c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE event_id = @id", new { id }, tx);

    /// <summary>Makes this edition the one the public page, the door and the back-office run.</summary>
    public static void MakeCurrent(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long id) =>
        c.Execute("INSERT INTO current_edition (only, event_id) VALUES (1, @id) ON CONFLICT (only) DO UPDATE SET event_id = excluded.event_id", new { id }, tx);
}
