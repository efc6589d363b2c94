using System.Data;
using Events.Api.Security;
using Events.Api.Storage;

namespace Events.Api.Organisers;

/// <summary>
/// The organisers' activity log: who did what, when, on which registration. Every organiser action that changes
/// something, or takes personal data away (an export), writes one row. Organisers owns it because it is about who
/// acts; the features that act record through this class, never through its store.
/// </summary>
public sealed class ActivityLog(Db db, TimeProvider clock)
{
    /// <summary>Rows shown per page of <c>/organisers/activity</c>.</summary>
    public const int PageSize = 50;
    /// <summary>The longest detail kept: a short fact (a filter, a count, an id), never a text someone typed.</summary>
    public const int DetailMax = 200;

    /// <summary>
    /// Records, in a unit of work of its own, that <paramref name="organiserId"/> did <paramref name="action"/> (one
    /// of <see cref="ActivityActions"/>), on <paramref name="registrationId"/> when the action concerns a registration.
    /// Use it right after an action whose service gives no way into its unit of work; prefer <see cref="Record"/>
    /// inside that unit when it does, so the action and its trace commit together.
    /// </summary>
    /// <param name="organiserId">Who acted (<c>User.OrganiserId()</c> in a page).</param>
    /// <param name="action">What they did: one of <see cref="ActivityActions"/>.</param>
    /// <param name="registrationId">The registration concerned, if any: the log links to its page.</param>
    /// <param name="detail">A short fact without personal data beyond what admins see anyway (cut at <see cref="DetailMax"/>).</param>
    /// <param name="ct">Cancels the wait for the writer.</param>
    public Task RecordAsync(long organiserId, string action, long? registrationId = null, string? detail = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.WriteAsync((c, tx) => { Record(c, tx, organiserId, action, registrationId, detail, now); return true; }, ct);
    }

    /// <summary>The same, inside the caller's unit of work (<c>Db.WriteAsync</c>): written and committed with the action.</summary>
    public static void Record(IDbConnection c, IDbTransaction tx, long organiserId, string action, long? registrationId, string? detail, DateTimeOffset at) =>
        ActivityStore.Insert(c, tx, organiserId, action, registrationId, Detail(detail), at);

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the log, newest first (or oldest), with the number of rows in all; only
    /// the actions of <paramref name="kind"/> (one of <see cref="ActivityKinds.All"/>) when given.
    /// </summary>
    public (IReadOnlyList<ActivityEntry> Entries, long Total) Page(int page, string? kind = null, bool oldestFirst = false)
    {
        var prefixes = ActivityKinds.Prefixes(kind);
        using var c = db.OpenRead();
        var total = ActivityStore.Count(c, prefixes);
        var offset = (long)(Math.Max(page, 1) - 1) * PageSize;
        return (ActivityStore.Page(c, offset, PageSize, prefixes, oldestFirst), total);
    }

    /// <summary>The log of one registration, newest first (its detail page).</summary>
    public IReadOnlyList<ActivityEntry> Of(long registrationId)
    {
        using var c = db.OpenRead();
        return ActivityStore.Of(c, registrationId);
    }

    private static string? Detail(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return null;
        var line = TextRules.OneLine(detail); // a log line is one line, whatever it was made from
        return line.Length <= DetailMax ? line : line[..DetailMax];
    }
}

/// <summary>
/// The actions the log knows, as dotted codes (pretix names its log entries alike: <c>pretix.event.order.canceled</c>),
/// stored as they are; <see cref="TextKey"/> says which text words each one (FR/EN).
/// </summary>
public static class ActivityActions
{
    /// <summary>The text key of an action's sentence: <c>checkin.done</c> → <c>activity_checkin_done</c>.</summary>
    public static string TextKey(string action) => "activity_" + action.Replace('.', '_');

    public const string AttendeeEdited = "attendee.edited";
    public const string AttendeeCancelled = "attendee.cancelled";
    public const string AttendeeReinstated = "attendee.reinstated";
    public const string AttendeeReinstatedOverCapacity = "attendee.reinstated_over_capacity";
    public const string AttendeePromoted = "attendee.promoted";
    public const string AttendeePromotedOverCapacity = "attendee.promoted.over_capacity";
    public const string TicketResent = "ticket.resent";
    public const string TicketReplaced = "ticket.replaced";
    public const string CheckedIn = "checkin.done";
    public const string CheckInUndone = "checkin.undone";
    public const string AttendeesExported = "attendees.exported";
    public const string EventEdited = "event.edited";
    public const string StaffInvited = "staff.invited";
    public const string StaffRemoved = "staff.removed";
    public const string StaffRestored = "staff.restored";
    public const string AgendaSessionSaved = "agenda.session.saved";
    public const string AgendaSessionDeleted = "agenda.session.deleted";
    public const string AgendaPublished = "agenda.published";
    public const string AgendaUnpublished = "agenda.unpublished";
    public const string AgendaRoomSaved = "agenda.room.saved";
    public const string AgendaRoomDeleted = "agenda.room.deleted";
    public const string AgendaSpeakerInvited = "agenda.speaker.invited";
    public const string AgendaSpeakerRemoved = "agenda.speaker.removed";
    public const string WalkInOverCapacity = "walkin.over_capacity";
    /// <summary>A message written to attendees (<c>/organisers/message</c>).</summary>
    public const string MessageSent = "message.sent";
    public const string EditionCreated = "edition.created";
    public const string EditionMadeCurrent = "edition.made_current";
    public const string EditionSwitchedBack = "edition.switched_back";
}

/// <summary>The kinds of action the log can be filtered by, each a set of action-code prefixes.</summary>
public static class ActivityKinds
{
    private static readonly Dictionary<string, string[]> Kinds = new()
    {
        ["attendees"] = ["attendee.", "ticket.", "attendees."],
        ["door"] = ["checkin.", "walkin."],
        ["agenda"] = ["agenda."],
        ["messages"] = ["message."],
        ["team"] = ["staff."],
        ["event"] = ["event.", "edition."],
    };

    public static IReadOnlyCollection<string> All => Kinds.Keys;

    /// <summary>The prefixes of a kind; none (every action) for an unknown or absent kind.</summary>
    public static string[] Prefixes(string? kind) => kind is not null && Kinds.TryGetValue(kind, out var p) ? p : [];

    public static string? OrNull(string? kind) => kind is not null && Kinds.ContainsKey(kind) ? kind : null;
}

/// <summary>One row of the log as admins read it: who (name, else address), what, when, and the registration's name if any.</summary>
public sealed record ActivityEntry(
    long Id, DateTimeOffset At, string Action, long? RegistrationId, string? Detail, string OrganiserName, string OrganiserEmail,
    string? FirstName, string? LastName)
{
    public string Who => OrganiserName.Length > 0 ? OrganiserName : OrganiserEmail;
    /// <summary>The registration's name; empty once retention has erased it.</summary>
    public string Attendee => $"{FirstName} {LastName}".Trim();
}
