using Events.Api.Storage;
using Events.Api.Registration;

namespace Events.Api.Attendees;

/// <summary>What the printed door list, the badges and the needs summary show: read from the current event.</summary>
public sealed class Printouts(Db db, Editions events, CodeSeal seal, ReadCache cache)
{
    /// <summary>
    /// Confirmed attendees by last name, then first name, in French alphabetical order; with
    /// <paramref name="ticketCodes"/>, each one's ticket code, opened from its sealed copy (the same code as in their
    /// e-mail: reprinting badges revokes no ticket).
    /// </summary>
    public IReadOnlyList<PrintedAttendee> Confirmed(bool ticketCodes = false)
    {
        using var c = db.OpenRead();
        return ByName(Printed(PrintoutStore.Confirmed(c, events.Current().Id), ticketCodes));
    }

    /// <summary>
    /// The badges of what the attendee list shows for <paramref name="query"/> (status filter and search; only the
    /// confirmed hold a seat), or of one registration; in the order of <see cref="Confirmed"/>.
    /// </summary>
    public IReadOnlyList<PrintedAttendee> Badges(AttendeeQuery query, long? registrationId = null, bool ticketCodes = false)
    {
        using var c = db.OpenRead();
        return ByName(Printed(PrintoutStore.Badges(c, events.Current().Id, query, registrationId), ticketCodes));
    }

    /// <summary>With <paramref name="ticketCodes"/>, each one's ticket code opened from its sealed copy (the one in their e-mail).</summary>
    private IEnumerable<PrintedAttendee> Printed(IEnumerable<(string FirstName, string LastName, string? Organisation, string? CodesSealed)> rows, bool ticketCodes) =>
        rows.Select(a => new PrintedAttendee(a.FirstName, a.LastName, a.Organisation, ticketCodes ? seal.Open(a.CodesSealed)?.Ticket : null));

    private static List<PrintedAttendee> ByName(IEnumerable<PrintedAttendee> people) =>
        people.OrderBy(a => a.LastName, NeedsSummary.Names).ThenBy(a => a.FirstName, NeedsSummary.Names).ToList();

    /// <summary>The accessibility needs of those confirmed or waiting, grouped (<see cref="NeedsSummary"/>).</summary>
    public IReadOnlyList<NeedGroup> Needs() => cache.Get("attendees.needs", () =>
    {
        using var c = db.OpenRead();
        return NeedsSummary.Group(PrintoutStore.Needs(c, events.Current().Id));
    });
}
