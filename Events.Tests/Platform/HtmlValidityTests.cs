using System.Diagnostics;
using System.Text.Json;
using Events.Tests.Architecture;
using Events.Tests.Attendees;
using Events.Tests.Infrastructure;

namespace Events.Tests.Platform;

/// <summary>
/// Valid HTML everywhere: the Nu Html Checker (vnu.jar, the W3C's) over the pages as served, public and organiser,
/// with a form in its error state. <c>.ci/run</c> installs it (npm <c>vnu-jar</c>, Debian's Java) and sets
/// <c>EVENTS_REQUIRE_VNU=1</c>; elsewhere the test is skipped with the reason when it is missing.
/// </summary>
public sealed class HtmlValidityTests : IDisposable
{
    private readonly EventsApp _app = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("events-vnu-").FullName;

    [SkippableFact]
    public async Task EveryPageIsValidHtmlForTheNuChecker()
    {
        var jar = Environment.GetEnvironmentVariable("EVENTS_VNU_JAR") ?? Path.Combine(Source.Root, ".ci", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar) || !OnPath("java"))
        {
            if (Environment.GetEnvironmentVariable("EVENTS_REQUIRE_VNU") == "1") Assert.Fail($"The Nu Html Checker is missing ({jar}, java) and EVENTS_REQUIRE_VNU=1.");
            Skip.If(true, "The Nu Html Checker is not installed: run .ci/run once, or set EVENTS_VNU_JAR to a vnu.jar (and install Java).");
        }

        var created = await _app.RegisterAsync("ada@example.org");
        using var visitor = _app.Client();
        var pages = new Dictionary<string, string>();
        foreach (var path in new[] { "/", "/agenda", "/privacy", "/legal", "/accessibility", "/eco-design", "/organisers/signin",
                     "/speakers/signin", $"/manage/{created.ManageCode}", "/manage/UNKNOWNUNKNOWNUNKNOWNUNKNOWN" })
            pages[path] = await (await visitor.GetAsync(path)).Content.ReadAsStringAsync(); // the unknown code: its 404 page
        var form = await visitor.GetPageAsync("/");
        var failed = await visitor.SubmitAsync(form.FormWith("email"), new Dictionary<string, string> { ["email"] = "not an address" }, "/");
        pages["/ (with errors)"] = await failed.Content.ReadAsStringAsync();
        using var admin = await _app.SignedInClientAsync();
        foreach (var path in new[] { "/organisers", "/organisers/dashboard", "/organisers/event", "/organisers/event/new-edition", "/organisers/staff", "/organisers/message", "/organisers/message/history",
                     "/organisers/agenda", "/organisers/agenda/rooms", "/organisers/agenda/speakers", "/organisers/agenda/grid", "/door/scan", "/door/walk-in",
                     "/organisers/needs", "/organisers/attendees/print", "/organisers/badges?qr=1",
                     "/organisers/attendees", $"/organisers/attendees/{_app.IdOf(created.ManageCode)}?confirm=cancel", "/organisers/activity" })
            pages[path] = await admin.GetStringAsync(path);
        var list = await admin.GetPageAsync("/organisers/attendees"); // a search: kept behind an id, the page a GET
        var searched = await admin.SubmitAsync(list.FormWith("q"), new Dictionary<string, string> { ["q"] = "ada" }, "/organisers/attendees");
        pages["/organisers/attendees (search)"] = await admin.GetStringAsync(searched.Headers.Location!.OriginalString);

        var files = pages.Select((p, i) => (p.Key, File: Path.Combine(_folder, $"page{i}.html"))).ToList();
        foreach (var (path, file) in files) await File.WriteAllTextAsync(file, pages[path]);
        var run = Process.Start(new ProcessStartInfo("java", ["-jar", jar, "--errors-only", "--format", "json", .. files.Select(f => f.File)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var report = await run.StandardError.ReadToEndAsync() + await run.StandardOutput.ReadToEndAsync();
        await run.WaitForExitAsync();

        var errors = JsonDocument.Parse(report).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{files.Single(f => m.GetProperty("url").GetString()!.EndsWith(Path.GetFileName(f.File))).Key}: " +
                         $"line {(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} HTML errors:\n" + string.Join("\n", errors));
        Assert.Equal(31, pages.Count);
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));

    public void Dispose()
    {
        _app.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
