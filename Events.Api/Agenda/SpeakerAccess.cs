using System.Text.Json;
using Events.Api.Configuration;
using Events.Api.Localisation;
using Events.Api.Mail;
using Events.Api.Registration;
using Events.Api.Security;
using Events.Api.Storage;
using Microsoft.Extensions.Options;

namespace Events.Api.Agenda;

/// <summary>The outbox kinds of the speaker e-mails; their payload is <see cref="SpeakerMailPayload"/>.</summary>
public static class SpeakerMailKind
{
    public const string Invitation = "speaker_invitation";
    public const string SignIn = "speaker_signin";
}

/// <summary>
/// Outbox payload of <see cref="SpeakerMailKind"/> messages (camelCase JSON). Texts: <c>agenda_mail_invitation_*</c>
/// and <c>agenda_mail_signin_*</c> in <c>Texts.Agenda.cs</c>, formatted with {0} name, {1} link, {2} event title, {3} expiry.
/// </summary>
public sealed record SpeakerMailPayload(string Email, string Name, string Link, string Language, DateTimeOffset ExpiresAt, string EventTitle);

/// <summary>
/// Speakers sign in with single-use links: an invitation (valid 7 days) and, afterwards, links they ask for (valid
/// 15 minutes). Only the SHA-256 of a token is stored; opening a link does not use it, confirming does.
/// </summary>
public sealed class SpeakerAccess(Db db, Editions events, OutboxSecrets secrets, TimeProvider clock, IOptions<EventsOptions> options)
{
    /// <summary>For the organisers' speakers page: each speaker's links, by speaker id (none: never sent, or erased by retention).</summary>
    public IReadOnlyDictionary<long, SpeakerLinkStatus> LinkStatuses()
    {
        using var c = db.OpenRead();
        return SpeakerLinkStore.Statuses(c, events.Current().Id, clock.GetUtcNow()).ToDictionary(s => s.SpeakerId);
    }

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan SignInLinkLifetime = TimeSpan.FromMinutes(15);

    /// <summary>Invites a speaker (or invites again an address already known) and queues the invitation e-mail.</summary>
    public async Task<(long? SpeakerId, Dictionary<string, string[]> Errors)> InviteAsync(string? name, string? email, string? language, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        TextRules.Check(errors, "name", name, AgendaRules.NameMax, required: true, newLines: false);
        EmailAddress.Check(errors, "email", email);
        Lang.Check(errors, "language", language);
        if (errors.Count > 0) return (null, errors);
        var e = events.Current();
        var now = clock.GetUtcNow();
        var lang = Lang.OrDefault(language);
        var id = await db.WriteAsync((c, tx) =>
        {
            var speaker = AgendaStore.SpeakerByEmail(c, e.Id, email!, tx);
            var speakerId = speaker?.Id ?? AgendaStore.InsertSpeaker(c, tx, e.Id, email!, name!.Trim(), lang, now);
            IssueLink(c, tx, speakerId, SpeakerMailKind.Invitation, speaker?.Email ?? email!.Trim(), speaker?.DisplayName ?? name!.Trim(),
                speaker?.Language ?? lang, e.Title, now);
            return speakerId;
        }, ct);
        return (id, errors);
    }

    /// <summary>
    /// Whatever the address, the answer comes no sooner than this after the request: known addresses cost a token, a
    /// sealed payload and two inserts (about 1 ms), unknown ones a lookup (0.4 ms), and the difference would tell which
    /// addresses are speakers'. The floor is far above both and far below what a person notices.
    /// </summary>
    public static readonly TimeSpan SignInAnswerFloor = TimeSpan.FromMilliseconds(30);

    /// <summary>Queues a 15-minute sign-in link when the address belongs to a speaker; says nothing either way, in the same time.</summary>
    public async Task RequestSignInLinkAsync(string? email, CancellationToken ct = default)
    {
        var floor = Task.Delay(SignInAnswerFloor, CancellationToken.None); // real time, whatever clock the app runs on
        if (!string.IsNullOrWhiteSpace(email) && email.Length <= 254)
        {
            var e = events.Current();
            var now = clock.GetUtcNow();
            await db.WriteAsync((c, tx) =>
            {
                if (AgendaStore.SpeakerByEmail(c, e.Id, email, tx) is { } speaker)
                    IssueLink(c, tx, speaker.Id, SpeakerMailKind.SignIn, speaker.Email, speaker.DisplayName, speaker.Language, e.Title, now);
            }, ct);
        }
        await floor;
    }

    /// <summary>Whether a link could be used now, without using it (the confirmation page shown on GET).</summary>
    public bool IsUsable(string? token)
    {
        if (Hash(token) is not { } hash) return false;
        using var c = db.OpenRead();
        return SpeakerLinkStore.IsLive(c, hash, clock.GetUtcNow());
    }

    /// <summary>Uses a link: the speaker it signs in, or null when unknown, used or expired.</summary>
    public async Task<Speaker?> RedeemAsync(string? token, CancellationToken ct = default)
    {
        if (Hash(token) is not { } hash) return null;
        var now = clock.GetUtcNow().ToUniversalTime();
        return await db.WriteAsync((c, tx) =>
        {
            var speakerId = SpeakerLinkStore.Redeem(c, tx, hash, now);
            return speakerId is { } id ? AgendaStore.SpeakerById(c, id, tx) : null;
        }, ct);
    }

    public static string? Hash(string? token) =>
        SecretCode.Normalise(token) is { } code ? SecretCode.Hash(code) : null;

    private void IssueLink(System.Data.IDbConnection c, System.Data.IDbTransaction tx, long speakerId, string kind,
        string email, string name, string language, string eventTitle, DateTimeOffset now)
    {
        var token = SecretCode.New();
        var expiresAt = (now + (kind == SpeakerMailKind.Invitation ? InvitationLifetime : SignInLinkLifetime)).ToUniversalTime();
        SpeakerLinkStore.Insert(c, tx, speakerId, SecretCode.Hash(token), kind == SpeakerMailKind.Invitation ? "invitation" : "signin", expiresAt, now);
        var payload = new SpeakerMailPayload(email, name, options.Value.Link($"/speakers/link/{token}"), language, expiresAt, eventTitle);
        Outbox.Enqueue(c, tx, kind, null, now, secrets.Seal(JsonSerializer.Serialize(payload, JsonSerializerOptions.Web)));
    }
}
