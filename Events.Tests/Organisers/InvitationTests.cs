using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dapper;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Events.Tests.Organisers;

/// <summary>The first admin through the setup link, and organisers invited by e-mail.</summary>
public sealed class InvitationTests : IDisposable
{
    private readonly EventsApp _app = new();

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }
        private sealed class Logger(LogCapture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Lines.Enqueue(formatter(state, exception));
        }
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page.Forms.Last(), values, url);
    }

    [Fact]
    public async Task WithoutAConfiguredAdminAOneTimeSetupLinkIsLoggedAndCreatesTheFirstAdminOnce()
    {
        var log = new LogCapture();
        using var bare = new EventsApp(new() { ["Events:Admin:Email"] = "", ["Events:Admin:Password"] = "" });
        using var app = bare.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(log)));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var line = Assert.Single(log.Lines, l => l.Contains("/organisers/setup/"));
        var path = new Uri(line[line.IndexOf("http", StringComparison.Ordinal)..].Split(' ')[0]).AbsolutePath;

        var tooShort = await SubmitAsync(client, path, new() { ["email"] = "boss@example.org", ["name"] = "Boss", ["password"] = "short one" });
        Assert.Contains("au moins 12 caractères", await tooShort.Content.ReadAsStringAsync());
        var created = await SubmitAsync(client, path, new() { ["email"] = "boss@example.org", ["name"] = "Boss", ["password"] = "a long enough passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/organisers/staff")).StatusCode); // signed in as admin

        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("plus valable", await (await other.GetAsync(path)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminInvitesDoorStaffWhoChooseAPasswordThroughTheEmailedLinkOnce()
    {
        using var admin = await _app.SignedInClientAsync();
        var invited = await SubmitAsync(admin, "/organisers/staff", new() { ["email"] = "door2@example.org", ["name"] = "Door 2", ["role"] = "door" });
        Assert.Contains("Invitation envoyée à door2@example.org", await invited.Content.ReadAsStringAsync());

        var link = new Uri((await _app.LinkSentToAsync("door2@example.org", "/organisers/invitation/"))!);
        using var c = _app.Db.OpenRead();
        var token = link.AbsolutePath.Split('/').Last();
        Assert.True(token.Length >= 28); // ≥ 128 bits
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM organiser_tokens WHERE token_hash = @token", new { token })); // only the hash is stored

        using var invitee = _app.Client();
        var weak = await SubmitAsync(invitee, link.AbsolutePath, new() { ["password"] = "elevenchars" });
        Assert.Contains("au moins 12 caractères", await weak.Content.ReadAsStringAsync());
        var accepted = await SubmitAsync(invitee, link.AbsolutePath, new() { ["password"] = "twelve chars" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync("/door/scan")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.GetAsync("/organisers/staff")).StatusCode); // door staff: no admin pages

        using var again = _app.Client();
        Assert.Contains("plus valable", await (await again.GetAsync(link.AbsolutePath)).Content.ReadAsStringAsync());
        using var signedIn = await _app.SignedInClientAsync("door2@example.org", "twelve chars");
    }

    [Fact]
    public async Task InvitingAnAddressThatAlreadyHasAnAccountIsRefused()
    {
        using var admin = await _app.SignedInClientAsync();
        var response = await SubmitAsync(admin, "/organisers/staff", new() { ["email"] = EventsApp.AdminEmail, ["role"] = "door" });
        Assert.Contains("déjà un compte", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AConfiguredAdminMeansNoSetupLink()
    {
        using var c = _app.Db.OpenRead();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM organiser_tokens WHERE purpose = 'setup'"));
    }

    public void Dispose() => _app.Dispose();
}
