using System.Text.Json;
using System.Text.Json.Serialization;

namespace Events.Api.CheckIn;

/// <summary>The answers a scan can get. The scanner words each one; the API returns the code.</summary>
public static class CheckInOutcome
{
    public const string Accepted = "accepted";
    public const string AlreadyCheckedIn = "already_checked_in";
    public const string Unknown = "unknown";
    public const string Cancelled = "cancelled";
    public const string NotConfirmed = "not_confirmed";
    /// <summary>Audit only: a check-in was undone.</summary>
    public const string Undone = "undone";
}

/// <summary>
/// Body of <c>POST /api/v1/checkins</c> (and each item of the batch). <c>Nonce</c> makes a retry safe;
/// <c>ScannedAt</c> is when the device saw the ticket (offline scans arrive later); <c>Device</c> names the phone.
/// </summary>
public sealed record CheckInRequest(string? Code, string? Nonce = null, DateTimeOffset? ScannedAt = null, string? Device = null);

/// <summary>Who a ticket belongs to.</summary>
public sealed record AttendeeView(string FirstName, string LastName, string? Organisation)
{
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>The answer to one scan: <c>CheckedInAt</c> and <c>Device</c> say when and where that person was let in.</summary>
public sealed record CheckInResult(string Outcome, AttendeeView? Attendee, DateTimeOffset? CheckedInAt, string? Device);

/// <summary>
/// One line of the roster the scanner caches for offline verdicts. <c>Id</c> is the registration's key on the phone:
/// when a ticket code is replaced, the delta carries the same id with the new code, so the old code stops working
/// offline too.
/// </summary>
public sealed record RosterEntry(
    long Id, string Code, string FirstName, string LastName, string? Organisation, string Status, DateTimeOffset? CheckedInAt, string? Device);

/// <summary>
/// <c>GET /api/v1/checkins/roster[?since=cursor]</c>: every registration of the event (<c>Full</c>), or only those
/// changed since <c>since</c>. The phone keeps <c>Cursor</c> for its next request and counts arrivals from its copy.
/// </summary>
public sealed record Roster(string Cursor, bool Full, IReadOnlyList<RosterEntry> Attendees);

/// <summary>The live counter: checked in / confirmed.</summary>
public sealed record CheckInCounts(long CheckedIn, long Confirmed);

/// <summary>JSON code generated at build time for the check-in API: at the door rush every scan is read and answered.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CheckInRequest))]
[JsonSerializable(typeof(CheckInRequest[]))]
[JsonSerializable(typeof(CheckInResult))]
[JsonSerializable(typeof(CheckInResult[]))]
[JsonSerializable(typeof(Roster))]
internal sealed partial class CheckInJson : JsonSerializerContext;
