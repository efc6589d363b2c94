using System.Net.Http.Json;
using Events.Api.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP with its own fresh SQLite file and mail folder. Rate limits are off unless a test
/// turns them on; any configuration key can be set through <paramref name="settings"/>, and the time the app reads
/// through <paramref name="clock"/>.
/// </summary>
public sealed class EventsApp(Dictionary<string, string?>? settings = null, TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("events-test-").FullName;
    public string DatabasePath => Path.Combine(Folder, "events.db");
    public string MailFolder => Path.Combine(Folder, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Events"] = $"Data Source={DatabasePath}",
            ["Events:Mail:PickupDirectory"] = MailFolder,
            ["Events:RateLimiting:Enabled"] = "false",
            ["Events:Event:Capacity"] = "300",
            ["Events:Admin:Email"] = AdminEmail,
            ["Events:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in settings ?? []) values[key] = value;
        foreach (var (key, value) in values) builder.UseSetting(key, value);
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "correct horse battery staple";

    public Db Db => Services.GetRequiredService<Db>();

    private readonly Lock _start = new();

    /// <summary>A client that does not follow redirects. Safe to call from parallel tasks (the host starts once).</summary>
    public HttpClient Client()
    {
        lock (_start) return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    /// <summary>Registers through the API and returns the parsed answer.</summary>
    public async Task<Created> RegisterAsync(string? email = null, string firstName = "Ada", string lastName = "Lovelace", string language = "fr")
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/registrations", new
        {
            firstName, lastName, email = email ?? $"{Guid.NewGuid():N}@example.org", organisation = "Analytical Engines", language, consent = true,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!;
    }

    /// <summary>A client signed in through <c>POST /api/v1/auth/login</c> (same cookie as the sign-in page).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.NoContent, $"sign-in of {email}: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Creates an organiser account with a password; returns its id.</summary>
    public Task<long> CreateOrganiserAsync(string email, string role, string password = "door staff password") =>
        Services.GetRequiredService<Events.Api.Organisers.OrganiserAccounts>().CreateAsync(email, email, role, password);

    public sealed record Created(string Status, long? WaitlistPosition, string ManageCode, string ManageUrl);

    /// <summary>The database file and its WAL as one text (Latin-1: a byte a character), read beside the running app, as a copy of them would be.</summary>
    public string DatabaseFileText()
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in new[] { DatabasePath, DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            file.CopyTo(memory);
            text.Append(System.Text.Encoding.Latin1.GetString(memory.ToArray()));
        }
        return text.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
