using Events.Api.Registration;
using Events.Api.Storage;

namespace Events.Api.Attendees;

/// <summary>
/// What organisers see of the registrations together with the arrivals: the figures, admissions over capacity, a
/// search, the full list for export. A read model over Registration's and CheckIn's tables; it owns none.
/// </summary>
public sealed class AttendeeList(Db db, Editions events)
{
    public sealed record Summary(long Capacity, long Confirmed, long Waitlisted, long Cancelled, long CheckedIn);

    public Summary Figures()
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        var (cancelled, checkedIn) = AttendeeStore.Counts(c, ev.Id);
        return new Summary(ev.Capacity, ev.Confirmed, ev.Waitlisted, cancelled, checkedIn);
    }

    /// <summary>Registrations whose first name, last name or e-mail starts with <paramref name="text"/> (at least two letters).</summary>
    public IReadOnlyList<Attendee> Search(string? text, int limit = 50)
    {
        var prefix = text?.Trim() ?? "";
        if (prefix.Length < 2 || prefix.Length > 100) return [];
        using var c = db.OpenRead();
        return AttendeeStore.Search(c, events.Current().Id, prefix, limit);
    }

    /// <summary>Walk-ins admitted although every seat was taken, latest first, times in the event's zone.</summary>
    public IReadOnlyList<OverCapacityAdmission> OverCapacity()
    {
        var ev = events.Current();
        using var c = db.OpenRead();
        return AttendeeStore.OverCapacity(c, ev.Id).Select(a => a with { AdmittedAt = ev.Local(a.AdmittedAt) }).ToList();
    }

    public IReadOnlyList<Attendee> All()
    {
        using var c = db.OpenRead();
        return AttendeeStore.All(c, events.Current().Id);
    }
}
