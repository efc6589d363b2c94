using System.Data;
using Events.Api.Localisation;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>What a feature carries over to a new edition (the agenda's rooms and sessions, when asked).</summary>
public interface INewEditionStep
{
    void Copy(IDbConnection c, IDbTransaction tx, long fromEventId, long toEventId, TimeSpan shift, DateTimeOffset now);
}

/// <summary>
/// Next year's edition: a new event row with the current one's settings (title, texts, venue, capacity, time zone, how
/// to come) and its own dates, typed in the event's local time; the registration window keeps the same distance from
/// the start. It becomes the current edition at once: the public page, the door and the dashboard move to it, and last
/// year's tickets are "unknown" at the door. The agenda's rooms and sessions come along, as a hidden draft, when asked.
/// </summary>
public sealed class NextEditions(Db db, Editions editions, EventSettings settings, IEnumerable<INewEditionStep> steps, TimeProvider clock)
{
    /// <summary>
    /// The form's starting point: the current edition's settings, its dates (and registration window) moved 52 weeks
    /// on, so the new edition falls on the same weekday.
    /// </summary>
    public EventSettingsInput Proposal()
    {
        var current = editions.Current();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(current.TimeZone);
        // Wall-clock times move, not instants: 08:30 stays 08:30 whatever the clocks did in between.
        string? Show(DateTimeOffset? t) => t is { } v
            ? TimeZoneInfo.ConvertTime(v, zone).DateTime.AddDays(364).ToString(LocalTime.Format, System.Globalization.CultureInfo.InvariantCulture) : null;
        return settings.Current() with
        {
            StartsAt = Show(current.StartsAt), EndsAt = Show(current.EndsAt),
            RegistrationOpensAt = Show(current.RegistrationOpensAt), RegistrationClosesAt = Show(current.RegistrationClosesAt),
        };
    }

    /// <summary>
    /// Creates the new edition and makes it the current one. Settings left out (null) are the current edition's; a
    /// registration window left out keeps its distance from the start. It must start after the current one ends.
    /// </summary>
    public async Task<(long? Id, Dictionary<string, string[]> Errors)> CreateAsync(EventSettingsInput input, bool copyAgenda, CancellationToken ct = default)
    {
        var current = editions.Current();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(current.TimeZone);
        var previous = settings.Current();
        var starts = LocalTime.Parse(input.StartsAt ?? "", zone);
        var shift = starts is { } s ? s - current.StartsAt : TimeSpan.Zero;
        string? Shifted(DateTimeOffset? t) => t is { } v ? LocalTime.Show(v.Add(shift), zone) : null;
        var filled = new EventSettingsInput(
            input.Title ?? previous.Title, input.DescriptionFr ?? previous.DescriptionFr, input.DescriptionEn ?? previous.DescriptionEn,
            input.StartsAt, input.EndsAt, input.Venue ?? previous.Venue, input.Address ?? previous.Address, input.Capacity ?? previous.Capacity,
            input.RegistrationOpensAt ?? Shifted(current.RegistrationOpensAt), input.RegistrationClosesAt ?? Shifted(current.RegistrationClosesAt),
            input.HowToComeFr ?? previous.HowToComeFr, input.HowToComeEn ?? previous.HowToComeEn);
        var (errors, valid) = EventSettings.Validate(filled, zone);
        if (!errors.ContainsKey("startsAt") && starts <= current.EndsAt) errors["startsAt"] = ["edition_starts_before_current_ends"];
        if (errors.Count > 0) return (null, errors);

        var at = clock.GetUtcNow();
        var agendaShift = valid!.StartsAt - current.StartsAt;
        var id = await db.WriteAsync((c, tx) =>
        {
            var id = EventStore.InsertEdition(c, tx, valid, current.TimeZone);
            if (copyAgenda) foreach (var step in steps) step.Copy(c, tx, current.Id, id, agendaShift, at);
            return id;
        }, ct);
        return (id, errors);
    }

    /// <summary>A new edition with only new dates: every other setting is the current edition's.</summary>
    public Task<(long? Id, Dictionary<string, string[]> Errors)> CreateAsync(string? startsAt, string? endsAt, bool copyAgenda, CancellationToken ct = default) =>
        CreateAsync(new EventSettingsInput(null, null, null, startsAt, endsAt, null, null, null, null, null), copyAgenda, ct);
}
