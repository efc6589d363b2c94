using Dapper;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;

namespace Events.Tests.Mail;

/// <summary>Invitations and sign-in links leave through the same outbox as tickets.</summary>
public sealed class LinkMailTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task ASpeakerInvitationIsDeliveredWithItsSingleUseLink()
    {
        await _app.InviteAsync("Grace <b>Hopper</b>", "grace@example.org");
        Assert.Equal(1, await _app.DrainMailAsync());

        var mail = Assert.Single(_app.PickedUp());
        Assert.Equal("grace@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Invitation à intervenir", mail.Subject);
        Assert.DoesNotContain("<b>Hopper", mail.HtmlBody);
        Assert.Contains("&lt;b&gt;Hopper", mail.HtmlBody);
        var link = _app.LinksSentTo("grace@example.org", "/speakers/link/").Single().Link;
        Assert.Contains(link, mail.TextBody);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody);
        Assert.Equal("sent", _app.Outbox().Single().Status);
    }

    [Fact]
    public async Task AnOrganiserInvitationIsDeliveredWithItsLink()
    {
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/staff");
        await admin.SubmitAsync(page.FormWith("role"), new Dictionary<string, string> { ["email"] = "door@example.org", ["name"] = "Door 1", ["role"] = "door" }, "/organisers/staff");
        Assert.Equal(1, await _app.DrainMailAsync());

        var mail = Assert.Single(_app.PickedUp());
        Assert.Equal("door@example.org", mail.To.Mailboxes.Single().Address);
        var token = new Uri(_app.LinksSentTo("door@example.org", "/organisers/invitation/").Single().Link).AbsolutePath.Split('/')[^1];
        using var c = _app.Db.OpenRead(); // the link in the e-mail is the live invitation
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM organiser_tokens WHERE token_hash = @hash AND used_at IS NULL",
            new { hash = Events.Api.Security.SecretCode.Hash(token) }));
    }

    [Fact]
    public async Task ALinksExpiryIsWrittenInTheEventsTimeZone()
    {
        var clock = new ManualClock(new DateTimeOffset(2027, 5, 3, 8, 0, 0, TimeSpan.Zero));
        using var app = new EventsApp(new()
        {
            ["Events:Mail:PollSeconds"] = "0",
            ["Events:Event:TimeZone"] = "America/Toronto",
            ["Events:Event:StartsAt"] = "2027-06-26T09:00:00-04:00",
            ["Events:Event:EndsAt"] = "2027-06-26T13:00:00-04:00",
        }, clock);
        await app.InviteAsync("Grace Hopper", "grace@example.org");
        await app.DrainMailAsync();

        // Valid seven days: until 10 May 08:00 UTC, which is 04:00 in Toronto (10:00 in Paris).
        var mail = Assert.Single(app.PickedUp());
        Assert.Contains("10 mai 2027, 04:00", mail.TextBody);
    }

    public void Dispose() => _app.Dispose();
}

public sealed class MailLogTests
{
    [Fact]
    public void SmtpErrorsAreLoggedWithoutTheRecipientsAddress()
    {
        var logged = Events.Api.Mail.OutboxWorker.WithoutAddresses("5.1.1 <ada.lovelace@example.org>: Recipient address rejected");
        Assert.DoesNotContain("ada.lovelace", logged);
        Assert.Equal("5.1.1 <<address>>: Recipient address rejected", logged);
    }
}
