using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Dapper;
using Events.Tests.CheckIn;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;

namespace Events.Tests.Messages;

/// <summary>Choosing who a message goes to, testing it on oneself first, and the history of what was sent.</summary>
public sealed class AudienceAndHistoryTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "3", ["Events:Mail:PollSeconds"] = "0" });

    [Theory]
    [InlineData("confirmed", new[] { "arrived", "absent1", "absent2" })]
    [InlineData("waitlisted", new[] { "waiting" })]
    [InlineData("everyone", new[] { "arrived", "absent1", "absent2", "waiting" })]
    [InlineData("arrived", new[] { "arrived" })]
    [InlineData("absent", new[] { "absent1", "absent2" })]
    public async Task EachAudienceReachesExactlyItsPeople(string audience, string[] expected)
    {
        await SeedAsync();
        using var admin = await _app.SignedInClientAsync();
        var preview = await PreviewAsync(admin, audience, "Salle B", "La plénière a lieu en salle B.");
        Assert.Contains($"{expected.Length}\u00A0personne", preview.QuerySelector("main")!.TextContent);

        var before = _app.PickedUp().Count;
        var sent = await admin.SubmitAsync(preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Send")),
            new Dictionary<string, string>(), "/organisers/message");
        Assert.Equal($"/organisers/message/history?queued={expected.Length}", sent.Headers.Location!.OriginalString);
        await _app.DrainMailAsync();
        var to = _app.PickedUp().Skip(before).Select(m => m.To.Mailboxes.Single().Address.Split('@')[0]).Order();
        Assert.Equal(expected.Order(), to);
    }

    [Fact]
    public async Task ATestGoesToTheOrganiserAloneGreetedByNameAndSaysItIsATest()
    {
        await SeedAsync();
        using var admin = await _app.SignedInClientAsync();
        var preview = await PreviewAsync(admin, "confirmed", "Salle B", "La plénière a lieu en salle B.");
        var before = _app.PickedUp().Count;

        var response = await admin.SubmitAsync(preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Test")),
            new Dictionary<string, string>(), "/organisers/message");
        var page = await Forms.ParseAsync(response);
        Assert.Contains(EventsApp.AdminEmail, page.QuerySelector("[role=status]")!.TextContent);
        Assert.NotNull(page.QuerySelector("article.preview")); // back to the preview, ready to send

        await _app.DrainMailAsync();
        var test = Assert.Single(_app.PickedUp().Skip(before));
        Assert.Equal(EventsApp.AdminEmail, test.To.Mailboxes.Single().Address);
        Assert.Equal("[Essai] Salle B", test.Subject);
        Assert.Contains("La plénière a lieu en salle B.", test.TextBody);
        Assert.Contains("essai", test.TextBody);
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'announcement'")); // nobody else yet
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE payload IS NOT NULL")); // the test's copy is gone once sent
    }

    [Fact]
    public async Task TheWordsAreStoredOnceWhateverTheNumberOfRecipients()
    {
        await SeedAsync();
        using var admin = await _app.SignedInClientAsync();
        var preview = await PreviewAsync(admin, "everyone", "Salle B", "Un texte assez long pour compter. " + new string('x', 3000));
        await admin.SubmitAsync(preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Send")), new Dictionary<string, string>(), "/organisers/message");

        using var c = _app.Db.OpenRead();
        var rows = c.Query<(long? Batch, string? Payload)>("SELECT batch, payload FROM outbox WHERE kind = 'announcement'").ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Payload));
        var id = c.ExecuteScalar<long>("SELECT id FROM messages");
        Assert.All(rows, r => Assert.Equal(id, r.Batch));
    }

    [Fact]
    public async Task TheHistoryCountsQueuedSentAndFailedForEachMessage()
    {
        await SeedAsync();
        using var admin = await _app.SignedInClientAsync();
        await SendAsync(admin, "absent", "Premier message", "Texte un.");
        await _app.DrainMailAsync();
        await SendAsync(admin, "everyone", "Second message", "Texte deux.");
        using (var c = _app.Db.OpenRead())
        {
            // One of the second message's e-mails was given up (an address that bounced, say).
            c.Execute("UPDATE outbox SET status = 'failed' WHERE id = (SELECT MIN(id) FROM outbox WHERE batch = (SELECT MAX(id) FROM messages))");
        }

        var history = await admin.GetPageAsync("/organisers/message/history");
        var rows = history.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Second message", rows[0][1]); // latest first
        Assert.Equal(["3", "0", "1"], rows[0][4..]);
        Assert.Equal("Premier message", rows[1][1]);
        using (var c = _app.Db.OpenRead())
            Assert.Equal(["message=2, audience=everyone, recipients=4", "message=1, audience=absent, recipients=2"],
                c.Query<string>("SELECT detail FROM activity WHERE action = 'message.sent' ORDER BY id DESC")); // who sent what, to how many
        Assert.Equal(["0", "2", "0"], rows[1][4..]);
        Assert.Contains("(2)", rows[1][2]);
    }

    [Fact]
    public async Task SendingTheSameMessageTwiceFromTwoTabsQueuesItOnce()
    {
        await SeedAsync();
        using var admin = await _app.SignedInClientAsync();
        var first = await PreviewAsync(admin, "confirmed", "Salle B", "La plénière a lieu en salle B.");
        var second = await PreviewAsync(admin, "confirmed", "Salle B", "La plénière a lieu en salle B."); // the other tab
        foreach (var preview in new[] { first, second })
        {
            var sent = await admin.SubmitAsync(preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Send")),
                new Dictionary<string, string>(), "/organisers/message");
            Assert.Equal("/organisers/message/history?queued=3", sent.Headers.Location!.OriginalString);
        }
        using var c = _app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM messages"));
        Assert.Equal(3L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'announcement'"));

        await SendAsync(admin, "confirmed", "Salle B", "La plénière a lieu en salle C."); // a different text is a new message
        Assert.Equal(2L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM messages"));
    }

    [Fact]
    public async Task DoorStaffCanNeitherWriteNorReadTheHistory()
    {
        await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        foreach (var url in new[] { "/organisers/message", "/organisers/message/history" })
        {
            var response = await door.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("denied", StringComparison.OrdinalIgnoreCase) == true,
                $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task ARowQueuedBeforeMessagesHadTheirTableIsStillSent()
    {
        var ada = await _app.RegisterAsync("ada@example.org");
        await _app.DrainMailAsync();
        await _app.Db.WriteAsync((c, tx) => c.Execute("""
            INSERT INTO outbox (kind, registration_id, payload, status, next_attempt_at, created_at, updated_at)
            SELECT 'announcement', id, '{"subject":"Ancien","body":"Texte d''avant."}', 'queued', '2020-01-01T00:00:00.0000000+00:00',
                   '2020-01-01T00:00:00.0000000+00:00', '2020-01-01T00:00:00.0000000+00:00' FROM registrations
            """, transaction: tx));
        var before = _app.PickedUp().Count;
        await _app.DrainMailAsync();
        var mail = Assert.Single(_app.PickedUp().Skip(before));
        Assert.Equal("Ancien", mail.Subject);
        Assert.Contains($"/manage/{ada.ManageCode}", mail.TextBody);
    }

    /// <summary>Three confirmed (one of them checked in) and one waiting.</summary>
    private async Task SeedAsync()
    {
        var arrived = await _app.RegisterAsync("arrived@example.org");
        await _app.RegisterAsync("absent1@example.org");
        await _app.RegisterAsync("absent2@example.org");
        await _app.RegisterAsync("waiting@example.org");
        await _app.DrainMailAsync();
        using var admin = await _app.SignedInClientAsync();
        var checkIn = await admin.PostAsJsonAsync("/api/v1/checkins", new { code = _app.TicketCode(arrived.ManageCode) });
        checkIn.EnsureSuccessStatusCode();
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient admin, string audience, string subject, string body)
    {
        var page = await admin.GetPageAsync("/organisers/message");
        return await Forms.ParseAsync(await admin.SubmitAsync(page.FormWith("subject"),
            new Dictionary<string, string> { ["audience"] = audience, ["subject"] = subject, ["body"] = body }, "/organisers/message"));
    }

    private static async Task SendAsync(HttpClient admin, string audience, string subject, string body)
    {
        var preview = await PreviewAsync(admin, audience, subject, body);
        var sent = await admin.SubmitAsync(preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Send")), new Dictionary<string, string>(), "/organisers/message");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
