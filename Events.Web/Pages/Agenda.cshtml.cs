using Events.Api.Agenda;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Events.Web.Pages;

/// <summary>The public agenda: sessions grouped by start time, filtered by format and language through plain links.</summary>
public sealed class AgendaModel(AgendaService agenda) : PageModel
{
    public AgendaData Agenda { get; private set; } = null!;
    public string? Format { get; private set; }
    public string? Language { get; private set; }
    public IReadOnlyList<IGrouping<DateTimeOffset, SessionView>> Groups { get; private set; } = [];

    public void OnGet(string? format, string? language)
    {
        Agenda = agenda.Load();
        Format = SessionFormat.IsKnown(format) ? format : null;
        Language = Api.Localisation.Lang.IsSupported(language) ? language : null;
        ViewData["EventTitle"] = Agenda.Event.Title;
        Shared.CachePolicy.SameForEveryone(Response);
        Groups = Agenda.PublicSessions
            .Where(s => (Format is null || s.Session.Format == Format) && (Language is null || s.Session.Language == Language))
            .GroupBy(s => s.Session.StartsAt).OrderBy(g => g.Key).ToList();
    }

    /// <summary>The agenda's address with one filter changed and the other kept.</summary>
    public string Filter(string? format, string? language)
    {
        var query = new List<string>();
        if (format is not null) query.Add("format=" + format);
        if (language is not null) query.Add("language=" + language);
        return "/agenda" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
