using Events.Api.Security;

namespace Events.Api.Attendees;

/// <summary>
/// What the attendee list shows: a <see cref="Status"/> filter, a search <see cref="Q"/>, a <see cref="Sort"/> (either
/// way round: <see cref="Descending"/>) and a <see cref="Page"/> (from 1). Made only through <see cref="From"/>, which turns anything unknown into the default,
/// so the store builds its SQL from the fixed values here and never from what was typed.
/// </summary>
public sealed record AttendeeQuery
{
    public const int PageSize = 50;
    public const int SearchMax = 100;

    /// <summary>The filters, as the query string and the form name them (absent = confirmed and not checked in).</summary>
    public static readonly string[] Statuses = ["confirmed", "waitlisted", "cancelled", "arrived", "absent"];
    public static readonly string[] Sorts = ["name", "date", "status"];

    /// <summary>One of <see cref="Statuses"/>, or null for every registration.</summary>
    public string? Status { get; private init; }
    /// <summary>The search as typed (trimmed), or null.</summary>
    public string? Q { get; private init; }
    public string Sort { get; private init; } = "name";
    /// <summary>The sort the other way round (<c>dir=desc</c>): Z to A, newest first, cancelled first.</summary>
    public bool Descending { get; private init; }
    public int Page { get; private init; } = 1;
    /// <summary>Door staff's view: their role is "check in and search by name", so the search looks in names only and
    /// the rows come without e-mail addresses.</summary>
    public bool NamesOnly { get; private init; }

    /// <summary>The search with accents and case folded, as a registration's search key is (Registration/SearchKeys.cs).</summary>
    public string? Folded => Q is null ? null : NameMatch.Fold(Q);

    public static AttendeeQuery From(string? status, string? q, string? sort, int? page, string? dir = null, bool namesOnly = false) => new()
    {
        NamesOnly = namesOnly,
        Status = Statuses.Contains(status) ? status : null,
        Q = q?.Trim() is { Length: > 0 } text ? (text.Length > SearchMax ? text[..SearchMax] : text) : null,
        Sort = Sorts.Contains(sort) ? sort! : "name",
        Page = page is > 0 and < 100_000 ? page.Value : 1,
        Descending = dir == "desc",
    };

    public AttendeeQuery WithPage(int page) => this with { Page = page };

    /// <summary>What clicking a column's header asks for: sorted by it from its first page, the other way round when it already was.</summary>
    public AttendeeQuery SortedBy(string sort) => this with { Sort = sort, Descending = Sort == sort && !Descending, Page = 1 };
}
