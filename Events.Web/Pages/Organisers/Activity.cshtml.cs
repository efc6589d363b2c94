using Events.Api.Agenda;
using Events.Api.Messages;
using Events.Api.Organisers;
using Events.Api.Registration;
using Events.Web.Localisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// The activity log: every organiser action, newest first (<c>order=oldest</c>: oldest first), 50 a page, times in the
/// event's zone, each line a sentence naming what it concerns (<see cref="ActivitySentences"/>); filtered by kind of
/// action (<c>?kind=agenda</c>).
/// </summary>
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class ActivityModel(ActivityLog log, Editions editions, AgendaService agenda, Announcements messages, UiText t) : PageModel
{
    public IReadOnlyList<(ActivityEntry Entry, ActivitySentence Sentence)> Entries { get; private set; } = [];
    public int Current { get; private set; } = 1;
    public int Pages { get; private set; } = 1;
    public string? Kind { get; private set; }
    public EventInfo Event { get; private set; } = null!;
    public bool OldestFirst { get; private set; }

    /// <param name="kind">One of <see cref="ActivityKinds.All"/>, or none for every action.</param>
    /// <param name="order"><c>oldest</c> for the oldest first (the "When" header's link).</param>
    /// <param name="number">The page, from 1 (named so because "page" is Razor Pages' own route value).</param>
    public void OnGet(string? kind, string? order, [FromQuery(Name = "page")] int? number)
    {
        Kind = ActivityKinds.OrNull(kind);
        Current = number is > 0 and < 1_000_000 ? number.Value : 1;
        OldestFirst = order == "oldest";
        var (entries, total) = log.Page(Current, Kind, OldestFirst);
        Pages = (int)Math.Max(1, (total + ActivityLog.PageSize - 1) / ActivityLog.PageSize);
        Event = editions.Current();
        var sentences = new ActivitySentences(t, agenda.Load(), Edition, id => messages.Find(id)?.Message.Subject);
        Entries = entries.Select(e => (e, sentences.Describe(e))).ToList();
    }

    private EventInfo? Edition(long id)
    {
        try { return editions.ById(id); }
        catch (InvalidOperationException) { return null; } // an edition id the log names but the file no longer has
    }

    /// <summary>The address of a page in this order, or in the other order from its first page; the kind filter kept.</summary>
    public string Address(int page, bool oldestFirst)
    {
        var parts = new List<string>();
        if (Kind is not null) parts.Add("kind=" + Kind);
        if (oldestFirst) parts.Add("order=oldest");
        if (page > 1) parts.Add("page=" + page);
        return parts.Count == 0 ? "/organisers/activity" : "/organisers/activity?" + string.Join('&', parts);
    }
}
