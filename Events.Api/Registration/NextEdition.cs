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
/// the start. It is prepared as *upcoming*: nobody sees it until an admin makes it current, a second step because the
/// public page, the door and the dashboard then move to it and this year's tickets become "unknown" at the door. Until
/// someone registers for it, an admin can switch back. The agenda's rooms and sessions come along, as a hidden draft,
/// when asked.
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

    /// <summary>The edition prepared and not yet current, if any.</summary>
    public EventInfo? Upcoming()
    {
        using var c = db.OpenRead();
        using var tx = c.BeginTransaction();
        var latest = EventStore.Latest(c, tx);
        return latest.Id == EventStore.Current(c, tx).Id ? null : latest;
    }

    /// <summary>The edition a switch back would return to: only while nobody has registered for the current one.</summary>
    public EventInfo? SwitchBackTarget()
    {
        using var c = db.OpenRead();
        using var tx = c.BeginTransaction();
        return SwitchBackTarget(c, tx, EventStore.Current(c, tx));
    }

    /// <summary>
    /// Prepares the new edition as upcoming. Settings left out (null) are the current edition's; a registration window
    /// left out keeps its distance from the start. It must start after the current one ends, and only one edition is
    /// prepared at a time. The rules read the state inside the write, so a double click or two tabs make one edition.
    /// </summary>
    public async Task<(long? Id, Dictionary<string, string[]> Errors)> CreateAsync(EventSettingsInput input, bool copyAgenda, CancellationToken ct = default)
    {
        var shown = editions.Current();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shown.TimeZone);
        var previous = settings.Current();
        var starts = LocalTime.Parse(input.StartsAt ?? "", zone);
        var shift = starts is { } s ? s - shown.StartsAt : TimeSpan.Zero;
        string? Shifted(DateTimeOffset? t) => t is { } v ? LocalTime.Show(v.Add(shift), zone) : null;
        var filled = new EventSettingsInput(
            input.Title ?? previous.Title, input.DescriptionFr ?? previous.DescriptionFr, input.DescriptionEn ?? previous.DescriptionEn,
            input.StartsAt, input.EndsAt, input.Venue ?? previous.Venue, input.Address ?? previous.Address, input.Capacity ?? previous.Capacity,
            input.RegistrationOpensAt ?? Shifted(shown.RegistrationOpensAt), input.RegistrationClosesAt ?? Shifted(shown.RegistrationClosesAt),
            input.HowToComeFr ?? previous.HowToComeFr, input.HowToComeEn ?? previous.HowToComeEn);
        var (errors, valid) = EventSettings.Validate(filled, zone);
        // Said here with the other field errors; the write checks again against the state it changes.
        if (!errors.ContainsKey("startsAt") && starts <= shown.EndsAt) errors["startsAt"] = ["edition_starts_before_current_ends"];
        if (errors.Count > 0) return (null, errors);

        var at = clock.GetUtcNow();
        var id = await db.WriteAsync<long?>((c, tx) =>
        {
            var current = EventStore.Current(c, tx);
            if (EventStore.Latest(c, tx).Id != current.Id) { errors["startsAt"] = ["edition_upcoming_exists"]; return null; }
            if (valid!.StartsAt <= current.EndsAt) { errors["startsAt"] = ["edition_starts_before_current_ends"]; return null; }
            var id = EventStore.InsertEdition(c, tx, valid, current.TimeZone);
            if (copyAgenda) foreach (var step in steps) step.Copy(c, tx, current.Id, id, valid.StartsAt - current.StartsAt, at);
            return id;
        }, ct);
        return (id, errors);
    }

    /// <summary>A new edition with only new dates: every other setting is the current edition's.</summary>
    public Task<(long? Id, Dictionary<string, string[]> Errors)> CreateAsync(string? startsAt, string? endsAt, bool copyAgenda, CancellationToken ct = default) =>
        CreateAsync(new EventSettingsInput(null, null, null, startsAt, endsAt, null, null, null, null, null), copyAgenda, ct);

    /// <summary>
    /// The confirmation asked before the current edition has ended: the new edition's year, typed. Afterwards (the
    /// usual case, weeks after the event) none is asked.
    /// </summary>
    public static string ConfirmationWord(EventInfo upcoming) =>
        TimeZoneInfo.ConvertTime(upcoming.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(upcoming.TimeZone)).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether making the upcoming edition current asks for a typed confirmation now.</summary>
    public bool NeedsConfirmation() => clock.GetUtcNow() < editions.Current().EndsAt;

    /// <summary>
    /// Makes the upcoming edition <paramref name="id"/> current. Refused (an error keyed "confirm") when the current
    /// edition has not ended and the confirmation typed is not the new edition's year; "edition" when it is not the
    /// upcoming edition any more (another tab did it).
    /// </summary>
    public Task<string?> MakeCurrentAsync(long id, string? confirmation, CancellationToken ct = default) =>
        db.WriteAsync<string?>((c, tx) =>
        {
            var current = EventStore.Current(c, tx);
            var latest = EventStore.Latest(c, tx);
            if (latest.Id != id || current.Id == id) return "edition_not_upcoming";
            if (clock.GetUtcNow() < current.EndsAt && confirmation?.Trim() != ConfirmationWord(latest)) return "edition_confirm_mismatch";
            EventStore.MakeCurrent(c, tx, id);
            return null;
        }, ct);

    /// <summary>
    /// Returns to the edition before the current one, which becomes upcoming again: only while nobody has registered
    /// for the current one, so no ticket ever belongs to an edition that is not run.
    /// </summary>
    public Task<string?> SwitchBackAsync(long fromId, CancellationToken ct = default) =>
        db.WriteAsync<string?>((c, tx) =>
        {
            var current = EventStore.Current(c, tx);
            if (current.Id != fromId) return "edition_not_current";
            if (SwitchBackTarget(c, tx, current) is not { } target) return "edition_has_registrations";
            EventStore.MakeCurrent(c, tx, target.Id);
            return null;
        }, ct);

    private static EventInfo? SwitchBackTarget(System.Data.IDbConnection c, System.Data.IDbTransaction tx, EventInfo current) =>
        EventStore.Registrations(c, tx, current.Id) == 0 && EventStore.Latest(c, tx).Id == current.Id ? EventStore.Before(c, tx, current.Id) : null;
}
