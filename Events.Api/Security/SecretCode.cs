using System.Security.Cryptography;

namespace Events.Api.Security;

/// <summary>
/// Random codes for tickets and management links: 28 characters of a 32-letter alphabet without 0/O/1/I,
/// so 140 bits from the OS CSPRNG, easy to read aloud and type, never derived from a row id.
/// </summary>
public static class SecretCode
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 28;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[bytes[i] & 31]; // 32 letters: masking keeps it uniform
        return new string(chars);
    }

    /// <summary>Accepts what a person types: any case, spaces or dashes between groups.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 80) return null;
        Span<char> buffer = stackalloc char[typed.Length];
        var n = 0;
        foreach (var ch in typed)
        {
            if (ch is ' ' or '-' or '\t') continue;
            var upper = char.ToUpperInvariant(ch);
            if (!Alphabet.Contains(upper)) return null;
            buffer[n++] = upper;
        }
        return n == Length ? new string(buffer[..n]) : null;
    }

    /// <summary>
    /// What is stored instead of a secret that opens something (management and ticket codes, invitation, setup and
    /// speaker links, sessions): lower-case hex of the SHA-256 of its UTF-8 bytes, so a copy of the database opens
    /// nothing. A plain fast hash is the right one here: these codes are at least 128 random bits (140 for ours), so
    /// there is no dictionary to try and no salt or slow hash (PBKDF2, as for passwords) would add anything but the
    /// cost of every scan at the door. The door's phones compute the same with <c>crypto.subtle.digest('SHA-256', …)</c>.
    /// </summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));

    /// <summary><c>K7QM-4TXP-…</c>: groups of four to read aloud.</summary>
    public static string Grouped(string code) =>
        string.Join('-', Enumerable.Range(0, (code.Length + 3) / 4).Select(i => code.Substring(i * 4, Math.Min(4, code.Length - i * 4))));
}
