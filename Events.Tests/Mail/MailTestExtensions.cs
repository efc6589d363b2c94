using Dapper;
using Events.Api.Mail;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Events.Tests.Mail;

public static class MailTestExtensions
{
    /// <summary>Runs one drain of the outbox now and waits for it (the background loop may also be running).</summary>
    public static Task<int> DrainMailAsync(this EventsApp app) => app.Services.GetRequiredService<OutboxWorker>().DrainAsync();

    /// <summary>The <c>.eml</c> files in the pickup folder, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> PickedUp(this EventsApp app) =>
        Directory.Exists(app.MailFolder)
            ? Directory.GetFiles(app.MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    /// <summary>The e-mails delivered to <paramref name="email"/>, oldest first, with the links in them whose path has <paramref name="path"/>.</summary>
    public static IEnumerable<(MimeMessage Mail, string Link)> LinksSentTo(this EventsApp app, string email, string path) =>
        (Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [])
            .OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m.TextBody ?? "", $@"https?://\S+?{System.Text.RegularExpressions.Regex.Escape(path)}[A-Z0-9]+")
                .Select(x => (m, x.Value)).Take(1));

    /// <summary>Sends what is queued, then the latest link e-mailed to <paramref name="email"/> whose path has <paramref name="path"/>.</summary>
    public static async Task<string?> LinkSentToAsync(this EventsApp app, string email, string path)
    {
        await app.DrainMailAsync();
        return app.LinksSentTo(email, path).Select(x => x.Link).LastOrDefault();
    }

    /// <summary>The ticket code of a registration, from its sealed copy (the database keeps only hashes).</summary>
    public static string? TicketCode(this EventsApp app, string manageCode) =>
        app.Services.GetRequiredService<Events.Api.Registration.RegistrationService>().Find(manageCode)?.Codes?.Ticket;

    public static IReadOnlyList<(string Status, long Attempts, string? LastError)> Outbox(this EventsApp app)
    {
        using var c = app.Db.OpenRead();
        return c.Query<(string, long, string?)>("SELECT status, attempts, last_error FROM outbox ORDER BY id").ToList();
    }

    /// <summary>The ticket code printed in the plain-text part (<c>K7QM-4TXP-…</c>), normalised.</summary>
    public static string? TicketCodeInText(this MimeMessage m) =>
        System.Text.RegularExpressions.Regex.Match(m.TextBody ?? "", "([2-9A-HJ-NP-Z]{4}-){6}[2-9A-HJ-NP-Z]{4}") is { Success: true } match
            ? Events.Api.Security.SecretCode.Normalise(match.Value) : null;

    public static MimePart? Part(this MimeMessage m, string mediaType, string subtype) =>
        m.BodyParts.OfType<MimePart>().FirstOrDefault(p => p.ContentType.IsMimeType(mediaType, subtype));

    public static byte[] Bytes(this MimePart part)
    {
        using var ms = new MemoryStream();
        part.Content!.DecodeTo(ms);
        return ms.ToArray();
    }
}
