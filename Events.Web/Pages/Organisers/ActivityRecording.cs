using System.Security.Claims;
using Events.Api.Organisers;

namespace Events.Web.Pages.Organisers;

/// <summary>
/// How the organiser pages whose services own their units of work (event settings, staff, agenda, walk-ins) record an
/// action: right after it, in a unit of its own. Those services offer no way into their transaction, and giving each
/// one a hook for a log line it does not own would spread the log through every feature; the cost is that a crash
/// between the two writes loses a line of the log, never the action. The attendee actions, which matter most, are
/// recorded inside their own unit of work (<c>AttendeeAdmin</c>).
/// </summary>
public static class ActivityRecording
{
    public static Task RecordAsync(this ActivityLog log, ClaimsPrincipal user, string action, long? registrationId = null,
        string? detail = null, CancellationToken ct = default) =>
        log.RecordAsync(user.OrganiserId()!.Value, action, registrationId, detail, ct);
}
