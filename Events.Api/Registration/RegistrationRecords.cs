namespace Events.Api.Registration;

/// <summary>
/// A registration row. Its codes are not in it: the row keeps their hashes (looked up by the store) and
/// <c>CodesSealed</c>, a copy that only <see cref="CodeSeal"/> opens.
/// </summary>
public sealed record Registration(
    long Id, long EventId, string FirstName, string LastName, string Email,
    string? Organisation, string? AccessibilityNeeds, string Language, string Status, long? WaitlistSeq,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CancelledAt, string? CodesSealed)
{
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>
/// A registration's two secrets, drawn together: the management code (its personal link) and the ticket code (its QR
/// and the code printed under it). Neither is stored: see <see cref="CodesAtRest"/>.
/// </summary>
public sealed record RegistrationCodes(string Manage, string Ticket)
{
    public static RegistrationCodes New() => new(Security.SecretCode.New(), Security.SecretCode.New());
}

/// <summary>What the database keeps of a registration's codes: their SHA-256 (the lookups) and the sealed copy.</summary>
public sealed record CodesAtRest(string ManageHash, string TicketHash, string Sealed);

public static class RegistrationStatus
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Cancelled = "cancelled";
}

/// <summary>What a person fills in to register: <c>POST /api/v1/registrations</c> and the home page form.</summary>
public sealed record RegistrationInput(
    string? FirstName, string? LastName, string? Email, string? Organisation, string? AccessibilityNeeds,
    string? Language, bool Consent);

/// <summary>What the holder of a management link may change: <c>PATCH /api/v1/registrations/{manageCode}</c>. Null leaves a field as it is.</summary>
public sealed record RegistrationChange(
    string? FirstName, string? LastName, string? Organisation, string? AccessibilityNeeds, string? Language);

/// <summary>
/// A registration with its place on the waiting list, as its holder sees it, and its codes for the links and the
/// ticket (null only when the sealed copy cannot be opened: keys lost, or a row erased by retention).
/// </summary>
public sealed record RegistrationView(Registration Registration, long? WaitlistPosition, RegistrationCodes? Codes);

/// <summary>The outcome of a registration attempt.</summary>
public abstract record RegisterOutcome
{
    /// <summary>Registered; <c>Codes</c> are the new codes, which only this answer and the e-mails carry.</summary>
    public sealed record Created(Registration Registration, long? WaitlistPosition, RegistrationCodes Codes) : RegisterOutcome
    {
        /// <summary>A walk-in confirmed although every seat was taken (see <c>RegisterWalkInAsync</c>).</summary>
        public bool OverCapacity { get; init; }
    }
    /// <summary>That address already holds a live registration: its owner is e-mailed their links.</summary>
    public sealed record Duplicate : RegisterOutcome;
    public sealed record Closed : RegisterOutcome;
    /// <summary>Only the door hears this (online, a full event means the waiting list): no seat left, and no reason was given to admit anyway.</summary>
    public sealed record Full(long Confirmed, long Capacity) : RegisterOutcome;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : RegisterOutcome;
}

/// <summary>The outcome of an organiser promoting someone from the waiting list by hand.</summary>
public abstract record PromoteOutcome
{
    public sealed record Promoted(bool OverCapacity) : PromoteOutcome;
    /// <summary>No seat is free and no reason was given to admit over capacity.</summary>
    public sealed record NoSeat(long Confirmed, long Capacity) : PromoteOutcome;
    /// <summary>That registration is not (or no longer) on the waiting list.</summary>
    public sealed record NotWaiting : PromoteOutcome;
    public sealed record NotFound : PromoteOutcome;
    /// <summary>Reinstating: that registration is not (or no longer) cancelled, or belongs to another edition.</summary>
    public sealed record NotCancelled : PromoteOutcome;
    /// <summary>Reinstating: the address has registered again since; reinstating would give it two seats.</summary>
    public sealed record RegisteredAgain : PromoteOutcome;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : PromoteOutcome;
}
