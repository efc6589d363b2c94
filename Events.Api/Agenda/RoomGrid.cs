namespace Events.Api.Agenda;

/// <summary>
/// The schedule room by room, as a table: one column per room (and one for sessions without a room when there are
/// any), and a row every <see cref="Step"/> from the first start to the last end, the step being the largest that
/// every start and end falls on (a quarter of an hour, say), so that every row is the same length of time and a
/// session's height on paper is its length. A session fills its room's cells from its start until the next row that
/// starts at or after its end. Sessions that overlap in one room (a conflict the editor already reports) share a cell
/// rather than vanish.
/// </summary>
public sealed class RoomGrid
{
    /// <summary>A column: a room, or null for the sessions without one.</summary>
    public IReadOnlyList<Room?> Columns { get; }
    /// <summary>The rows' start times, in order.</summary>
    public IReadOnlyList<DateTimeOffset> Rows { get; }
    /// <summary>Beyond this many rows (a day cut to the minute), a row per start instead of a row per step.</summary>
    public const int MaxRows = 64;

    /// <summary>The time each row stands for; null when there are no sessions or the rows are one per start (<see cref="MaxRows"/>).</summary>
    public TimeSpan? Step { get; }
    private readonly Dictionary<(int Row, int Column), Cell> _cells = [];
    private readonly HashSet<(int Row, int Column)> _covered = [];

    /// <summary>Sessions starting in one cell; <see cref="RowSpan"/> rows down to the last one's end.</summary>
    public sealed record Cell(IReadOnlyList<SessionView> Sessions, int RowSpan);

    public RoomGrid(IReadOnlyList<Room> rooms, IEnumerable<SessionView> sessions)
    {
        var list = sessions.OrderBy(s => s.Session.StartsAt).ThenBy(s => s.Id).ToList();
        Columns = [.. rooms, .. list.Any(s => s.Room is null) ? new Room?[] { null } : []];
        Rows = list.Select(s => s.Session.StartsAt).Distinct().Order().ToList();
        if (list.Count > 0)
        {
            var first = Rows[0];
            var last = list.Max(s => s.Session.EndsAt);
            var step = list.SelectMany(s => new[] { s.Session.StartsAt, s.Session.EndsAt }).Select(t => (t - first).Ticks).Where(t => t > 0).Aggregate(0L, Gcd);
            if (step > 0 && (last - first).Ticks / step <= MaxRows)
            {
                Step = TimeSpan.FromTicks(step);
                Rows = Enumerable.Range(0, (int)((last - first).Ticks / step)).Select(i => first.AddTicks(i * step)).ToList();
            }
        }
        for (var column = 0; column < Columns.Count; column++)
        {
            var roomId = Columns[column]?.Id;
            // Sessions of one room, merged while they overlap: each group becomes one cell.
            var group = new List<SessionView>();
            var groupEnd = DateTimeOffset.MinValue;
            foreach (var s in list.Where(s => s.Session.RoomId == roomId || (roomId is null && s.Room is null)))
            {
                if (group.Count > 0 && s.Session.StartsAt >= groupEnd) Place(column, group, groupEnd);
                if (group.Count == 0 || s.Session.StartsAt >= groupEnd) group = [];
                group.Add(s);
                groupEnd = group.Count == 1 ? s.Session.EndsAt : Max(groupEnd, s.Session.EndsAt);
            }
            if (group.Count > 0) Place(column, group, groupEnd);
        }
    }

    /// <summary>The cell that starts at this row and column, or null when it is empty or covered by one above.</summary>
    public Cell? At(int row, int column) => _cells.GetValueOrDefault((row, column));

    /// <summary>Whether a cell above spans this one (the table then has no cell here).</summary>
    public bool Covered(int row, int column) => _covered.Contains((row, column));

    private void Place(int column, List<SessionView> group, DateTimeOffset end)
    {
        var first = IndexOf(group[0].Session.StartsAt);
        var span = Math.Max(1, Rows.Skip(first).TakeWhile(r => r < end).Count());
        _cells[(first, column)] = new Cell(group.ToList(), span);
        for (var row = first + 1; row < first + span; row++) _covered.Add((row, column));
    }

    private int IndexOf(DateTimeOffset at)
    {
        for (var i = 0; i < Rows.Count; i++) if (Rows[i] == at) return i;
        throw new InvalidOperationException("A session starts at a moment that is not a row.");
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
