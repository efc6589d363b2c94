namespace Events.Api.Registration;

/// <summary>The event as stored, with its live counters.</summary>
public sealed record EventInfo(
    long Id, string Title, string DescriptionFr, string DescriptionEn,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, string Venue, string Address,
    long Capacity, long Confirmed, long Waitlisted,
    DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, string HowToComeFr = "", string HowToComeEn = "")
{
    public long SeatsLeft => Math.Max(0, Capacity - Confirmed);

    public bool IsOpenAt(DateTimeOffset now) => new RegistrationWindow(Id, RegistrationOpensAt, RegistrationClosesAt, EndsAt).IsOpenAt(now);

    public string Description(string lang) => lang == "en" && DescriptionEn.Length > 0 ? DescriptionEn : DescriptionFr;

    /// <summary>A time shown in the event's own time zone (Europe/Paris), whatever the server's zone.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
}

/// <summary>The public view of the event: <c>GET /api/v1/event</c>.</summary>
public sealed record EventResponse(
    string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone,
    string Venue, string Address, long Capacity, long Confirmed, long SeatsLeft, long Waitlisted,
    bool RegistrationOpen, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt);

/// <summary>When registration is possible: between the opening and closing instants, and never after the event.</summary>
public sealed record RegistrationWindow(long Id, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, DateTimeOffset EndsAt)
{
    public bool IsOpenAt(DateTimeOffset now) =>
        (RegistrationOpensAt is null || now >= RegistrationOpensAt) &&
        (RegistrationClosesAt is null || now < RegistrationClosesAt) &&
        now < EndsAt;

    /// <summary>
    /// The door registers walk-ins until the event ends, whatever the online window. The window paces the public
    /// (when the event is announced, when the list is closed so badges can be printed); someone standing at the door
    /// on the day is the case it does not cover. pretix draws the same line: its online shop enforces the presale
    /// dates, while orders created outside it, through its API, are checked against quotas but not against time
    /// frames. Opening time does not matter either: people arrive before the doors open, and an event whose online
    /// registration never opens (by invitation) can still let someone in. After the end there is nothing to walk into.
    /// </summary>
    public bool AdmitsWalkInsAt(DateTimeOffset now) => now < EndsAt;
}
