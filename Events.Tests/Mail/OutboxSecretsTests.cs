using Dapper;
using Events.Api.Organisers;
using Events.Tests.Agenda;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Mail;

/// <summary>
/// No usable token at rest: invitation and sign-in links are sealed in the outbox (Data Protection, keys outside the
/// database) and every payload is emptied once sent. Checked on the database file's own bytes, WAL included.
/// </summary>
public sealed class OutboxSecretsTests : IDisposable
{
    private readonly EventsApp _app = new(new() { ["Events:Mail:PollSeconds"] = "0" });

    [Fact]
    public async Task TheDatabaseFileNeverHoldsALinkThatOpensAnAccount()
    {
        await _app.InviteAsync("Grace Hopper", "grace@example.org");
        var admin = await _app.Services.GetRequiredService<OrganiserInvitations>().InviteAsync("door@example.org", "Door", Roles.Door, invitedBy: 1);
        Assert.Empty(admin);

        var queued = FileText();
        using (var c = _app.Db.OpenRead())
            Assert.All(c.Query<string>("SELECT payload FROM outbox"), p => Assert.StartsWith("sealed:", p));

        Assert.Equal(2, await _app.DrainMailAsync());
        var tokens = new[]
        {
            _app.LinksSentTo("grace@example.org", "/speakers/link/").Single().Link,
            _app.LinksSentTo("door@example.org", "/organisers/invitation/").Single().Link,
        }.Select(link => link[(link.LastIndexOf('/') + 1)..]).ToList();

        Assert.All(tokens, token => Assert.Equal(28, token.Length));
        Assert.All(tokens, token => Assert.DoesNotContain(token, queued));
        Assert.All(tokens, token => Assert.DoesNotContain(token, FileText()));
        using (var c = _app.Db.OpenRead())
            Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE payload IS NOT NULL"));
    }

    private string FileText() => _app.DatabaseFileText();

    public void Dispose() => _app.Dispose();
}
