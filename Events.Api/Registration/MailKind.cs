namespace Events.Api.Registration;

/// <summary>
/// The outbox kinds of the messages a registration's holder receives; their rows name the registration and are worded
/// when sent (Tickets' <c>TicketMail</c>), so they show the current ticket code. The strings are stored: never rename one.
/// </summary>
public static class MailKind
{
    public const string Confirmed = "confirmed";
    public const string Waitlisted = "waitlisted";
    public const string Promoted = "promoted";
    public const string Cancelled = "cancelled";
    /// <summary>Someone tried to register an address that already holds a registration: its owner gets their links again.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>The holder asked for their ticket again.</summary>
    public const string Resend = "resend";
    /// <summary>The holder replaced their ticket code: the new ticket.</summary>
    public const string Replaced = "replaced";

    /// <summary>An organiser admitted the person beyond the capacity (a walk-in, a promotion by hand): their ticket, said so.</summary>
    public const string Admitted = "admitted";
    /// <summary>An organiser undid a cancellation: the ticket again, said so.</summary>
    public const string Reinstated = "reinstated";

    /// <summary>The ticket again, some hours before the start, with how to come (<see cref="Reminders"/>).</summary>
    public const string Reminder = "reminder";

    public static readonly IReadOnlyCollection<string> All = [Confirmed, Waitlisted, Promoted, Cancelled, Duplicate, Resend, Replaced, Reminder, Admitted, Reinstated];
}
