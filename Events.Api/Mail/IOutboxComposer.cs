using MimeKit;

namespace Events.Api.Mail;

/// <summary>
/// Words the outbox messages of some kinds. The feature that writes those rows supplies it (registered in DI as
/// <c>IOutboxComposer</c>); the mail worker picks the composer by <see cref="OutboxMessage.Kind"/> and knows nothing
/// else of who asks for a message. Build the message with <see cref="MailComposer"/>.
/// </summary>
public interface IOutboxComposer
{
    /// <summary>The outbox kinds this composer words; no two composers may claim the same kind.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>
    /// The message, or null when there is nothing left to say (the row is then marked sent without sending anything).
    /// Called in parallel from the worker's drain; read what the message needs here, when it is sent, so it shows the
    /// current state. Throw <see cref="UnsendableMessageException"/> when it can never be sent; any other exception
    /// counts as a failed attempt, tried again later.
    /// </summary>
    MimeMessage? Compose(OutboxMessage message);
}

/// <summary>A message that can never be sent (what it is about no longer exists): the worker marks it failed at once.</summary>
public sealed class UnsendableMessageException(string reason) : Exception(reason);
