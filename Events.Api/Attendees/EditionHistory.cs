using Events.Api.Storage;

namespace Events.Api.Attendees;

/// <summary>Every edition with its figures, the current one (the latest created) first, then the past ones as they ended.</summary>
public sealed class EditionHistory(Db db)
{
    public IReadOnlyList<EditionFigures> All()
    {
        using var c = db.OpenRead();
        return EditionFiguresStore.All(c);
    }
}
