using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.Attendees;

/// <summary>
/// What organisers see of the registrations together with the arrivals: the figures, admissions over capacity, a
/// search, the full list for export. A read model over Registration's and CheckIn's tables; it owns none. What a page
/// shows is kept until the next commit (<see cref="ReadCache"/>); the export is read afresh.
/// </summary>
public sealed class AttendeeList(Db db, Editions events, ReadCache cache)
{
    public sealed record Summary(long Capacity, long Confirmed, long Waitlisted, long Cancelled, long CheckedIn);

    public Summary Figures() => cache.Get("attendees.figures", () =>
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        var (cancelled, checkedIn) = AttendeeStore.Counts(c, ev.Id);
        return new Summary(ev.Capacity, ev.Confirmed, ev.Waitlisted, cancelled, checkedIn);
    });

    /// <summary>Walk-ins admitted although every seat was taken, latest first, times in the event's zone.</summary>
    public IReadOnlyList<OverCapacityAdmission> OverCapacity() => cache.Get("attendees.over-capacity", () =>
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        return AttendeeStore.OverCapacity(c, ev.Id).Select(a => a with { AdmittedAt = ev.Local(a.AdmittedAt) }).ToList();
    });

    /// <summary>One page of the list and the counts by status, all for the query's search.</summary>
    public sealed record ListPage(AttendeeQuery Query, IReadOnlyList<Attendee> Rows, IReadOnlyDictionary<string, long> Counts)
    {
        /// <summary>Registrations under the query's status filter (or all of them): what the pages divide.</summary>
        public long Total => Counts[Query.Status ?? "all"];
        public int Pages => (int)Math.Max(1, (Total + AttendeeQuery.PageSize - 1) / AttendeeQuery.PageSize);
    }

    /// <summary>
    /// The attendee list: filtered, searched (accents and case ignored, anywhere in the first name, last name, e-mail or
    /// organisation) and sorted by SQL, one page of <see cref="AttendeeQuery.PageSize"/> at a time.
    /// </summary>
    public ListPage List(AttendeeQuery query) =>
        // Kept by the folded search, so "Élodie" and "elodie" share a read; each page shows the search as typed.
        cache.Get($"attendees.list {query.Status} {query.Sort} {query.Descending} {query.Page} {query.NamesOnly} {query.Folded}", () => ReadList(query)) with { Query = query };

    private ListPage ReadList(AttendeeQuery query)
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        var counts = new Dictionary<string, long> { ["all"] = 0 };
        foreach (var status in AttendeeQuery.Statuses) counts[status] = 0;
        foreach (var (status, arrived, count) in AttendeeStore.StatusCounts(c, ev.Id, query.Folded, query.NamesOnly))
        {
            counts["all"] += count;
            counts[status] += count;
            if (status == RegistrationStatus.Confirmed) counts[arrived ? "arrived" : "absent"] += count;
        }
        var offset = (long)(query.Page - 1) * AttendeeQuery.PageSize;
        var rows = AttendeeStore.List(c, ev.Id, query, offset, AttendeeQuery.PageSize);
        return new ListPage(query, query.NamesOnly ? rows.Select(r => r with { Email = "" }).ToList() : rows, counts);
    }

    /// <summary>
    /// Every registration the list shows for <paramref name="query"/>, on every page (the CSV export). The waiting list
    /// comes in queue order with each person's place in the whole queue (a search narrows the rows, not the places).
    /// </summary>
    public (IReadOnlyList<Attendee> Rows, IReadOnlyDictionary<long, long>? Positions) Matching(AttendeeQuery query)
    {
        using var c = db.OpenRead();
        var eventId = events.Current().Id;
        if (query.Status != RegistrationStatus.Waitlisted) return (AttendeeStore.List(c, eventId, query, 0, null), null);
        var queue = AttendeeStore.WaitingQueue(c, eventId);
        var positions = queue.Select((id, i) => (id, Place: (long)i + 1)).ToDictionary(p => p.id, p => p.Place);
        var rows = AttendeeStore.List(c, eventId, query, 0, null).OrderBy(a => positions.GetValueOrDefault(a.Id, long.MaxValue)).ToList();
        return (rows, positions);
    }
}
