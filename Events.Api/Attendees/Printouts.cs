using Events.Api.Storage;
using Events.Api.Registration;

namespace Events.Api.Attendees;

/// <summary>What the printed door list, the badges and the needs summary show: read from the current event.</summary>
public sealed class Printouts(Db db, Editions events, ReadCache cache)
{
    /// <summary>Confirmed attendees by last name, then first name, in French alphabetical order.</summary>
    public IReadOnlyList<PrintedAttendee> Confirmed()
    {
        using var c = db.OpenRead();
        return ByName(PrintoutStore.Confirmed(c, events.Current().Id));
    }

    /// <summary>
    /// The badges of what the attendee list shows for <paramref name="query"/> (status filter and search; only the
    /// confirmed hold a seat), or of one registration; in the order of <see cref="Confirmed"/>.
    /// </summary>
    public IReadOnlyList<PrintedAttendee> Badges(AttendeeQuery query, long? registrationId = null)
    {
        using var c = db.OpenRead();
        return ByName(PrintoutStore.Badges(c, events.Current().Id, query, registrationId));
    }

    private static List<PrintedAttendee> ByName(IEnumerable<PrintedAttendee> people) =>
        people.OrderBy(a => a.LastName, NeedsSummary.Names).ThenBy(a => a.FirstName, NeedsSummary.Names).ToList();

    /// <summary>The accessibility needs of those confirmed or waiting, grouped (<see cref="NeedsSummary"/>).</summary>
    public IReadOnlyList<NeedGroup> Needs() => cache.Get("attendees.needs", () =>
    {
        using var c = db.OpenRead();
        return NeedsSummary.Group(PrintoutStore.Needs(c, events.Current().Id));
    });
}
