using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Events.Api.Organisers;

/// <summary>
/// Remembers decrypted sign-in cookies for a minute. At the door every scan carries the same cookie, and decrypting
/// it (Data Protection: key derivation, AES, HMAC) cost more than deciding the check-in. The cookie's text is the
/// key, so a changed or forged cookie is decrypted and checked as before; expiry is still checked by the handler.
/// </summary>
public sealed class RememberedTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxRemembered = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var known) && known.Until > now) return Copy(known.Ticket);

        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        if (_tickets.Count >= MaxRemembered) _tickets.Clear(); // a crude bound: many organisers at once is a handful, not thousands
        _tickets[protectedText] = (ticket, now + Lifetime);
        return Copy(ticket);
    }

    // The handler may change a ticket's properties (sliding expiry), so each request gets its own copy.
    private static AuthenticationTicket Copy(AuthenticationTicket t) => new(t.Principal.Clone(), t.Properties.Clone(), t.AuthenticationScheme);
}
