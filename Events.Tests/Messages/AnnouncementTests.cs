using System.Net;
using Dapper;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;

namespace Events.Tests.Messages;

public sealed class AnnouncementTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Event:Capacity"] = "2", ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task AdminsWriteToConfirmedAttendeesWhoGetTheTextSafelyWithTheirOwnLink()
    {
        var ada = await _app.RegisterAsync("ada@example.org");
        await _app.RegisterAsync("grace@example.org");
        await _app.RegisterAsync("waiting@example.org");
        await _app.DrainMailAsync(); // the tickets and the waiting-list letter
        var before = _app.PickedUp().Count;

        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/message");
        var injected = await admin.SubmitAsync(page.FormWith("subject"), new Dictionary<string, string>
        {
            ["subject"] = "Room change\r\nBcc: everyone@evil.example", ["body"] = "x",
        }, "/organisers/message");
        Assert.NotNull((await Forms.ParseAsync(injected)).QuerySelector("#subject-error")); // a header cannot be smuggled in
        var preview = await Forms.ParseAsync(await admin.SubmitAsync(page.FormWith("subject"), new Dictionary<string, string>
        {
            ["subject"] = "Room change",
            ["body"] = "The plenary moves to room B.\r\n\r\n<script>alert(1)</script>",
        }, "/organisers/message")); // first the preview (OrganiserSafetyTests), then its button sends
        var send = preview.Forms.Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Send"));
        var sent = await admin.SubmitAsync(send, new Dictionary<string, string>(), "/organisers/message");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.EndsWith("queued=2", sent.Headers.Location!.ToString());

        await _app.DrainMailAsync();
        var mails = _app.PickedUp().Skip(before).ToList();
        Assert.Equal(["ada@example.org", "grace@example.org"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var toAda = mails.Single(m => m.To.Mailboxes.Single().Address == "ada@example.org");
        Assert.Equal("Room change", toAda.Subject);
        Assert.Contains("room B", toAda.TextBody);
        Assert.Contains("&lt;script&gt;", toAda.HtmlBody);
        Assert.DoesNotContain("<script>", toAda.HtmlBody);
        Assert.Contains($"/manage/{ada.ManageCode}", toAda.TextBody);
    }

    [Fact]
    public async Task AnEmptyMessageIsExplainedAndNothingIsQueued()
    {
        await _app.RegisterAsync("ada@example.org");
        using var admin = await _app.SignedInClientAsync();
        var page = await admin.GetPageAsync("/organisers/message");
        var response = await admin.SubmitAsync(page.FormWith("subject"), new Dictionary<string, string> { ["subject"] = "", ["body"] = "" }, "/organisers/message");
        var result = await Forms.ParseAsync(response);
        Assert.NotNull(result.QuerySelector("#subject-error"));
        Assert.NotNull(result.QuerySelector("#body-error"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(0L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'announcement'"));
    }

    public void Dispose() => _app.Dispose();
}
