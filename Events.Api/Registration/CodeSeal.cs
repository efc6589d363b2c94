using System.Security.Cryptography;
using Events.Api.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Events.Api.Registration;

/// <summary>
/// The app must show and send a registration's codes again long after they were drawn: the links on the confirmation
/// and management pages, every e-mail (ticket, reminder, resend, organisers' messages), the badges' QR codes. So
/// beside the hashes it keeps one copy of both, sealed with ASP.NET Core Data Protection, as the outbox seals links
/// (<c>Mail/OutboxSecrets.cs</c>): the keys live in <c>keys/</c> beside the database, not in it, so a copy of the
/// database alone opens nothing.
/// <para>
/// Why not draw a fresh code instead, whenever one is needed again? pretix, too, e-mails the same secret when a ticket
/// is sent again and changes it only when asked ("regenerate secrets"), and so do we ("replace my ticket code"): a
/// resend that revoked the ticket would break the one the person printed or saved, and an organiser reprinting badges
/// with QR codes would revoke every ticket in the inbox of everyone on the sheet.
/// </para>
/// </summary>
public sealed class CodeSeal(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Events.Registration.Codes.v1");

    /// <summary>The hashes and the sealed copy of <paramref name="codes"/>: computed by the caller, outside the writer.</summary>
    public CodesAtRest AtRest(RegistrationCodes codes) =>
        new(SecretCode.Hash(codes.Manage), SecretCode.Hash(codes.Ticket), _protector.Protect(codes.Manage + codes.Ticket));

    /// <summary>The codes of a sealed copy; null when there is none, or it was sealed with keys this app no longer has.</summary>
    public RegistrationCodes? Open(string? sealedCodes)
    {
        if (sealedCodes is null) return null;
        string both;
        try { both = _protector.Unprotect(sealedCodes); }
        catch (CryptographicException) { return null; }
        return both.Length == 2 * SecretCode.Length ? new RegistrationCodes(both[..SecretCode.Length], both[SecretCode.Length..]) : null;
    }
}
