using System.Net;
using System.Net.Http.Json;
using System.Text;
using Events.Api.Mail;
using Events.Api.Registration;
using Events.Api.Tickets;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Events.Tests.Mail;

/// <summary>What each message says, read from the pickup folder (no SMTP host configured).</summary>
public sealed class MailContentTests : IDisposable
{
    private readonly EventsApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task WithoutAnSmtpHostEachMessageIsAnEmlFileInThePickupFolder()
    {
        await _app.RegisterAsync("pickup@example.org");
        await _app.DrainMailAsync();
        var file = Assert.Single(Directory.GetFiles(_app.MailFolder, "*.eml"));
        var mail = MimeMessage.Load(file);
        Assert.Equal("pickup@example.org", mail.To.Mailboxes.Single().Address);
        Assert.NotNull(mail.TicketCodeInText());
        Assert.Contains("/agenda", mail.TextBody); // the agenda is one link away from the ticket
        Assert.Equal("sent", _app.Outbox().Single().Status);
    }

    [Fact]
    public async Task TheWaitingListIsToldItsPositionAndGetsATicketWhenPromoted()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "1" });
        var first = await app.RegisterAsync("first@example.org");
        await app.RegisterAsync("second@example.org", language: "en");
        await app.DrainMailAsync();
        var waiting = app.PickedUp().Single(m => m.To.Mailboxes.Single().Address == "second@example.org");
        Assert.Contains("number 1 on the waiting list", waiting.TextBody);
        Assert.Null(waiting.Part("image", "png"));

        using (var client = app.Client()) (await client.DeleteAsync($"/api/v1/registrations/{first.ManageCode}")).EnsureSuccessStatusCode();
        await app.DrainMailAsync();
        var mails = app.PickedUp();
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "first@example.org" && (m.Subject ?? "").StartsWith("Inscription annulée"));
        var promoted = mails.Single(m => m.To.Mailboxes.Single().Address == "second@example.org" && (m.Subject ?? "").StartsWith("A seat is free"));
        Assert.NotNull(promoted.Part("image", "png"));
        Assert.NotNull(promoted.TicketCodeInText());
    }

    [Fact]
    public async Task ASecondRegistrationWithTheSameAddressEmailsItsExistingLinksAndTheResponseRevealsNothing()
    {
        var created = await _app.RegisterAsync("twice@example.org");
        using var client = _app.Client();
        var again = await client.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName = "Someone", lastName = "Else", email = "TWICE@example.org", language = "en", consent = true,
        });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var body = await again.Content.ReadAsStringAsync();
        Assert.DoesNotContain(created.ManageCode, body);

        await _app.DrainMailAsync();
        var links = _app.PickedUp().Single(m => (m.Subject ?? "").StartsWith("Vos liens personnels"));
        Assert.Equal("twice@example.org", links.To.Mailboxes.Single().Address);
        Assert.Contains(created.ManageUrl, links.TextBody);
        Assert.Contains("/ticket/" + _app.TicketCode(created.ManageCode), links.TextBody);
    }

    [Fact]
    public async Task NamesThatLookLikeHtmlOrAddressesStayTextInTheRawMessage()
    {
        await _app.RegisterAsync("html@example.org", firstName: "<script>alert(1)</script>", lastName: "\"Evil\" <bcc@attacker.example>, x@attacker.example");
        await _app.DrainMailAsync();
        var file = Directory.GetFiles(_app.MailFolder, "*.eml").Single();
        var raw = await File.ReadAllTextAsync(file);
        var mail = MimeMessage.Load(file);

        Assert.Equal("html@example.org", mail.To.Mailboxes.Single().Address); // one recipient, the real one
        Assert.Empty(mail.Cc);
        Assert.Empty(mail.Bcc);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<bcc@attacker.example>", mail.HtmlBody);
        var headers = Headers(raw);
        Assert.DoesNotContain("\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
    }

    private static string Headers(string raw)
    {
        var end = raw.Replace("\r\n", "\n").IndexOf("\n\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no end of headers");
        return raw.Replace("\r\n", "\n")[..end];
    }

    [Fact]
    public async Task LineBreaksInANameAreRefusedAtTheDoorAndCannotAddAHeaderAnyway()
    {
        using var client = _app.Client();
        var response = await client.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName = "Eve\r\nBcc: victim@example.org", lastName = "X", email = "eve@example.org", consent = true,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // Even if such a name were stored (older data, another door), the composer keeps it inside its header.
        var ev = _app.Services.GetService(typeof(Editions)) is Editions events ? events.Current() : throw new InvalidOperationException();
        var now = DateTimeOffset.UtcNow;
        var r = new Api.Registration.Registration(1, ev.Id, "Eve\r\nBcc: victim@example.org\r\nX-Injected: yes",
            "Smith\nSubject: spoofed", "eve@example.org", null, null, "en", RegistrationStatus.Confirmed, null, now, now, null, null);
        var composer = _app.Services.GetRequiredService<TicketMail>();
        var codes = new RegistrationCodes("MANAGE", "TICKETCODE23456789ABCDEFGHJK");
        var message = composer.Compose(new TicketMailContext(new OutboxMessage(1, MailKind.Confirmed, 1, null, 1), r, codes, ev, null))!;
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        var raw = Encoding.UTF8.GetString(buffer.ToArray());
        var headers = Headers(raw);

        var parsed = MimeMessage.Load(new MemoryStream(buffer.ToArray()));
        Assert.Empty(parsed.Bcc);
        Assert.Null(parsed.Headers["X-Injected"]);
        Assert.Single(parsed.Headers, h => h.Id == HeaderId.Subject);
        Assert.DoesNotContain("\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\nX-Injected:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("eve@example.org", parsed.To.Mailboxes.Single().Address);
    }
}
