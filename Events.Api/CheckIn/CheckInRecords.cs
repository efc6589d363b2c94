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
/// <c>RegistrationId</c> instead of <c>Code</c>: the person door staff chose by name (the roster's <c>id</c>; the phone
/// holds no codes). As in pretix, where only trusted input may name a position by its id, a scanned or typed text is
/// only ever read as a code, so a QR code holding an id opens nothing.
/// </summary>
public sealed record CheckInRequest(string? Code, string? Nonce = null, DateTimeOffset? ScannedAt = null, string? Device = null, long? RegistrationId = null);

/// <summary>Who a ticket belongs to.</summary>
public sealed record AttendeeView(string FirstName, string LastName, string? Organisation)
{
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>The answer to one scan: <c>CheckedInAt</c> and <c>Device</c> say when and where that person was let in.</summary>
public sealed record CheckInResult(string Outcome, AttendeeView? Attendee, DateTimeOffset? CheckedInAt, string? Device);

/// <summary>
/// One line of the roster the scanner caches for offline verdicts. It carries <c>CodeHash</c>, the lower-case hex
/// SHA-256 of the ticket code's UTF-8 bytes (what the database keeps), never the code: the phone hashes what it scans
/// and looks that up, so a lost phone carries no ticket that would open the door. <c>Id</c> is the registration's key
/// on the phone: when a ticket code is replaced, the delta carries the same id with the new hash, so the old code stops
/// working offline too; a check-in chosen by name sends it (<see cref="CheckInRequest.RegistrationId"/>).
/// </summary>
public sealed record RosterEntry(
    long Id, string CodeHash, string FirstName, string LastName, string? Organisation, string Status, DateTimeOffset? CheckedInAt, string? Device);

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
