using Events.Api.Configuration;
using Events.Api.Localisation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Events.Api.Agenda;

/// <summary>The published agenda as JSON and iCalendar, and a speaker's own calendar.</summary>
public static class AgendaApi
{
    /// <summary>
    /// <c>GET /api/v1/agenda</c> on the returned group, like the other features' APIs. The calendar files keep the
    /// addresses people subscribe to, outside <c>/api/v1</c> (<c>/agenda.ics</c>, <c>/agenda/sessions/{id}.ics</c>,
    /// the speaker's <c>/speakers/sessions.ics</c>), so they are mapped here beside the group rather than in it.
    /// </summary>
    public static RouteGroupBuilder MapAgendaApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Agenda");
        api.MapGet("/agenda", GetAgenda).WithName("GetAgenda")
            .WithSummary("The published agenda: public sessions in time order with room, format, language and speakers.");

        routes.MapGet("/agenda.ics", AgendaCalendarFile).WithTags("Agenda").WithName("GetAgendaCalendar")
            .WithSummary("The published agenda as iCalendar (Europe/Paris).")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");
        routes.MapGet("/agenda/sessions/{id:long}.ics", SessionCalendarFile).WithTags("Agenda").WithName("GetSessionCalendar")
            .WithSummary("One published session as iCalendar.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/speakers/sessions.ics", SpeakerCalendarFile).RequireAuthorization(SpeakerAuth.Policy).ExcludeFromDescription();
        return api;
    }

    public static Ok<AgendaResponse> GetAgenda(AgendaService agenda, IOptions<EventsOptions> options)
    {
        var data = agenda.Load();
        var e = data.Event;
        var o = options.Value;
        return TypedResults.Ok(new AgendaResponse(data.Published, data.PublishedAt, e.TimeZone, data.PublicSessions.Select(s => new AgendaSessionResponse(
            s.Id, s.Session.Uid, s.Session.Title, s.Session.Abstract, s.Session.Format, s.Session.Language,
            e.Local(s.Session.StartsAt), e.Local(s.Session.EndsAt),
            s.Room is { } r ? new AgendaRoomResponse(r.Id, r.Name, r.Seats, r.Accessibility) : null,
            s.Speakers.Select(sp => new AgendaSpeakerResponse(sp.Id, sp.DisplayName, sp.Organisation, sp.JobTitle, sp.Bio, sp.WebLink,
                o.Link($"/agenda/speakers/{sp.Id}"))).ToList(),
            s.Session.ChangedAt is { } changed ? e.Local(changed) : null,
            o.Link($"/agenda/sessions/{s.Id}"), o.Link($"/agenda/sessions/{s.Id}.ics"))).ToList()));
    }

    public static IResult AgendaCalendarFile(AgendaService agenda, IOptions<EventsOptions> options, HttpContext http)
    {
        var data = agenda.Load();
        return Calendar(data, data.PublicSessions, data.Event.Title, options.Value, http, "agenda.ics");
    }

    public static IResult SessionCalendarFile(long id, AgendaService agenda, IOptions<EventsOptions> options, HttpContext http)
    {
        var data = agenda.Load();
        if (data.PublicSessions.FirstOrDefault(s => s.Id == id) is not { } session)
            return TypedResults.Problem(statusCode: 404, title: "Not found", detail: "No published session has this number.");
        return Calendar(data, [session], session.Session.Title, options.Value, http, $"session-{id}.ics");
    }

    /// <summary>Every session of the signed-in speaker, published or not: they need to know when they speak.</summary>
    public static IResult SpeakerCalendarFile(AgendaService agenda, IOptions<EventsOptions> options, HttpContext http)
    {
        if (http.User.SpeakerId() is not { } speakerId) return TypedResults.Forbid();
        var data = agenda.Load();
        return Calendar(data, data.Sessions.Where(s => s.HasSpeaker(speakerId)).ToList(), data.Event.Title, options.Value, http, "my-sessions.ics");
    }

    private static IResult Calendar(AgendaData data, IReadOnlyList<SessionView> sessions, string name, EventsOptions options, HttpContext http, string fileName)
    {
        var t = Texts.For(VisitorLanguage.Of(http));
        var text = AgendaCalendar.Build(data.Event, sessions, name, id => options.Link($"/agenda/sessions/{id}"), t);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Text(text, AgendaCalendar.ContentType);
    }
}

/// <summary><c>GET /api/v1/agenda</c>: empty, with <c>published</c> false, until organisers publish the agenda.</summary>
public sealed record AgendaResponse(bool Published, DateTimeOffset? PublishedAt, string TimeZone, IReadOnlyList<AgendaSessionResponse> Sessions);

/// <summary>A public session; times with the event's offset; <c>updatedAt</c> when its time, room or title changed after publication.</summary>
public sealed record AgendaSessionResponse(
    long Id, string Uid, string Title, string Abstract, string Format, string Language, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    AgendaRoomResponse? Room, IReadOnlyList<AgendaSpeakerResponse> Speakers, DateTimeOffset? UpdatedAt, string Url, string CalendarUrl);

public sealed record AgendaRoomResponse(long Id, string Name, long Seats, string Accessibility);

/// <summary>A speaker's public profile (never their e-mail address).</summary>
public sealed record AgendaSpeakerResponse(long Id, string DisplayName, string Organisation, string JobTitle, string Bio, string? WebLink, string Url);
