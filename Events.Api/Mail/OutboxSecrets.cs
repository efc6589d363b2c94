using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Events.Api.Mail;

/// <summary>
/// Payloads that carry a secret (a single-use sign-in or invitation link) are sealed with ASP.NET Core Data Protection
/// before they enter the outbox, and the worker empties every payload once its message is sent. The keys live beside
/// the database, not in it, so a copy of the database file opens no account, neither before nor after sending.
/// </summary>
public sealed class OutboxSecrets(IDataProtectionProvider provider)
{
    private const string Sealed = "sealed:";
    private readonly IDataProtector _protector = provider.CreateProtector("Events.Outbox.Payload.v1");

    public string Seal(string payload) => Sealed + _protector.Protect(payload);

    /// <summary>The payload as written; null when it was sealed with keys this app no longer has.</summary>
    public string? Open(string? payload)
    {
        if (payload is null || !payload.StartsWith(Sealed, StringComparison.Ordinal)) return payload; // rows from before sealing
        try { return _protector.Unprotect(payload[Sealed.Length..]); }
        catch (CryptographicException) { return null; }
    }
}
