using Events.Api.Localisation;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>What admins edit of the event. Times are wall-clock times in the event's zone, as typed in the form.</summary>
public sealed record EventSettingsInput(
    string? Title, string? DescriptionFr, string? DescriptionEn, string? StartsAt, string? EndsAt, string? Venue, string? Address,
    string? Capacity, string? RegistrationOpensAt, string? RegistrationClosesAt, string? HowToComeFr = null, string? HowToComeEn = null);

/// <summary>
/// Edits the event row. Raising the capacity gives the new seats at once, in the same transaction, to the people
/// waiting longest (each gets their ticket e-mail); lowering it never takes a confirmed seat back.
/// </summary>
public sealed class EventSettings(Db db, Editions events, TimeProvider clock)
{
    public EventSettingsInput Current()
    {
        var e = events.Current();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone);
        string? Show(DateTimeOffset? t) => t is { } v ? LocalTime.Show(v, zone) : null;
        return new(e.Title, e.DescriptionFr, e.DescriptionEn, Show(e.StartsAt), Show(e.EndsAt), e.Venue, e.Address,
            e.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), Show(e.RegistrationOpensAt), Show(e.RegistrationClosesAt),
            e.HowToComeFr, e.HowToComeEn);
    }

    /// <summary>Saves; returns field errors as message keys (nothing saved when there are any) and how many people were promoted.</summary>
    public async Task<(Dictionary<string, string[]> Errors, int Promoted)> SaveAsync(EventSettingsInput input, CancellationToken ct = default)
    {
        var e = events.Current();
        var (errors, valid) = Validate(input, TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone));
        if (valid is null) return (errors, 0);

        var now = clock.GetUtcNow();
        var promoted = await db.WriteAsync((c, tx) =>
        {
            EventStore.Update(c, tx, e.Id, valid);
            return RegistrationStore.PromoteWaiting(c, tx, e.Id, now);
        }, ct);
        return (errors, promoted);
    }

    /// <summary>An edition lasts days, not years: an end typed on the wrong line (9999-12-31) is caught here.</summary>
    public const int MaxDays = 31;

    /// <summary>The rules of an event's settings, for an edit and for a new edition: field errors as message keys, or the values to store.</summary>
    public static (Dictionary<string, string[]> Errors, ValidEventSettings? Valid) Validate(EventSettingsInput input, TimeZoneInfo zone)
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "title", input.Title, 200, required: true, newLines: false);
        TextRules.Check(errors, "descriptionFr", input.DescriptionFr, 2000, required: false, newLines: true);
        TextRules.Check(errors, "descriptionEn", input.DescriptionEn, 2000, required: false, newLines: true);
        TextRules.Check(errors, "venue", input.Venue, 200, required: true, newLines: false);
        TextRules.Check(errors, "address", input.Address, 300, required: true, newLines: false);
        TextRules.Check(errors, "howToComeFr", input.HowToComeFr, 1000, required: false, newLines: true);
        TextRules.Check(errors, "howToComeEn", input.HowToComeEn, 1000, required: false, newLines: true);
        var starts = Time(errors, "startsAt", input.StartsAt, zone, required: true);
        var ends = Time(errors, "endsAt", input.EndsAt, zone, required: true);
        var opens = Time(errors, "registrationOpensAt", input.RegistrationOpensAt, zone, required: false);
        var closes = Time(errors, "registrationClosesAt", input.RegistrationClosesAt, zone, required: false);
        if (starts is not null && ends is not null && ends <= starts) errors["endsAt"] = ["event_ends_before_start"];
        else if (starts is not null && ends > starts.Value.AddDays(MaxDays)) errors["endsAt"] = ["event_too_long"];
        if (opens is not null && closes is not null && closes <= opens) errors["registrationClosesAt"] = ["event_closes_before_opens"];
        if (!int.TryParse(input.Capacity?.Trim(), out var capacity) || capacity < 0 || capacity > 1_000_000) errors["capacity"] = ["event_invalid_capacity"];
        if (errors.Count > 0) return (errors, null);
        return (errors, new ValidEventSettings(input.Title!.Trim(), TextRules.Clean(input.DescriptionFr), TextRules.Clean(input.DescriptionEn),
            starts!.Value, ends!.Value, input.Venue!.Trim(), input.Address!.Trim(), capacity, opens, closes,
            TextRules.Clean(input.HowToComeFr), TextRules.Clean(input.HowToComeEn)));
    }

    private static DateTimeOffset? Time(Dictionary<string, string[]> errors, string field, string? value, TimeZoneInfo zone, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors[field] = ["required"]; return null; }
        if (LocalTime.Parse(value, zone) is { } parsed) return parsed.ToUniversalTime();
        errors[field] = ["event_invalid_time"];
        return null;
    }
}

/// <summary>An event's settings once checked: texts trimmed, times as instants.</summary>
public sealed record ValidEventSettings(
    string Title, string DescriptionFr, string DescriptionEn, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue, string Address,
    int Capacity, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, string HowToComeFr, string HowToComeEn);
