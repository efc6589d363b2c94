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
public sealed class NextEditions(Db db, Editions editions, IEnumerable<INewEditionStep> steps, TimeProvider clock)
{
    public async Task<(long? Id, Dictionary<string, string[]> Errors)> CreateAsync(string? startsAt, string? endsAt, bool copyAgenda, CancellationToken ct = default)
    {
        var current = editions.Current();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(current.TimeZone);
        var errors = new Dictionary<string, string[]>();
        var starts = Time(errors, "startsAt", startsAt, zone);
        var ends = Time(errors, "endsAt", endsAt, zone);
        if (starts is not null && ends is not null && ends <= starts) errors["endsAt"] = ["event_ends_before_start"];
        if (starts is not null && starts <= current.EndsAt) errors["startsAt"] = ["edition_starts_before_current_ends"];
        if (errors.Count > 0) return (null, errors);

        var shift = starts!.Value - current.StartsAt;
        var now = clock.GetUtcNow();
        var id = await db.WriteAsync((c, tx) =>
        {
            var id = EventStore.InsertEdition(c, tx, current, starts.Value, ends!.Value, current.RegistrationOpensAt + shift, current.RegistrationClosesAt + shift);
            if (copyAgenda) foreach (var step in steps) step.Copy(c, tx, current.Id, id, shift, now);
            return id;
        }, ct);
        return (id, errors);
    }

    private static DateTimeOffset? Time(Dictionary<string, string[]> errors, string field, string? value, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors[field] = ["required"]; return null; }
        if (LocalTime.Parse(value, zone) is { } parsed) return parsed;
        errors[field] = ["event_invalid_time"];
        return null;
    }
}
