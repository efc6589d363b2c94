using Events.Api.Configuration;
using Events.Api.Storage;

namespace Events.Api.Registration;

/// <summary>
/// The events this service runs, one row per edition; the newest is the current one. What every other feature asks
/// of the event (its title, times, zone, capacity) comes from here.
/// </summary>
public sealed class Editions(Db db, ReadCache cache)
{
    /// <summary>The edition being run: the most recent event row, read again after each commit (every page asks, often twice).</summary>
    public EventInfo Current() => cache.Get("editions.current", () =>
    {
        using var c = db.OpenRead();
        return EventStore.Current(c);
    });

    /// <summary>A given edition (a ticket or message belongs to the event it was registered for).</summary>
    public EventInfo ById(long id)
    {
        using var c = db.OpenRead();
        return EventStore.ById(c, id);
    }

    /// <summary>On first start, the event from configuration; afterwards organisers edit it.</summary>
    public void SeedIfEmpty(EventSeedOptions seed) => db.WriteAsync((c, tx) => EventStore.SeedIfEmpty(c, tx, seed)).GetAwaiter().GetResult();
}
