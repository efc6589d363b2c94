namespace Events.Api.Organisers;

/// <summary>The roles of organisers; every organiser endpoint and page names the policy it needs.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Door = "door";

    /// <summary>Policy: admins only.</summary>
    public const string AdminPolicy = "admin";
    /// <summary>Policy: door staff and admins (anyone who may check people in).</summary>
    public const string DoorPolicy = "door";

    public static bool IsKnown(string? role) => role is Admin or Door;
}

public sealed record Organiser(
    long Id, string Email, string Name, string Role, string? PasswordHash, long FailedLogins, DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? RemovedAt);

/// <summary>A row of <c>organiser_sessions</c>: one sign-in, live until <see cref="EndedAt"/>.</summary>
public sealed record OrganiserSession(long OrganiserId, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt);

/// <summary>The outcome of a sign-in attempt.</summary>
public abstract record SignInOutcome
{
    public sealed record Success(Organiser Organiser) : SignInOutcome;
    /// <summary>Unknown address or wrong password: the same answer, so it reveals nothing.</summary>
    public sealed record Failed : SignInOutcome;
    /// <summary>Too many failures for this account from this address: the next try waits until <paramref name="RetryAt"/>.</summary>
    public sealed record TooManyFailures(DateTimeOffset RetryAt) : SignInOutcome;
}

/// <summary>Body of <c>POST /api/v1/auth/login</c>.</summary>
public sealed record LoginRequest(string? Email, string? Password);
