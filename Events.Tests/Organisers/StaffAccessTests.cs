using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Dapper;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;

namespace Events.Tests.Organisers;

/// <summary>Admins take an organiser's access away (a lost phone, a volunteer who left) and give it back.</summary>
public sealed class StaffAccessTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task RemovingAccessEndsTheOpenSessionsAtOnceAndRefusesSignIn()
    {
        var doorId = await _app.CreateOrganiserAsync("door@example.org", "door");
        using var door = await _app.SignedInClientAsync("door@example.org", "door staff password");
        Assert.Equal(HttpStatusCode.OK, (await door.GetAsync("/api/v1/checkins/roster")).StatusCode);

        using var admin = await _app.SignedInClientAsync();
        var removed = await SubmitForAsync(admin, "Remove", doorId);
        Assert.Contains("door@example.org n'a plus accès", (await Forms.ParseAsync(removed)).QuerySelector("[role=status]")!.TextContent);

        Assert.Equal(HttpStatusCode.Unauthorized, (await door.GetAsync("/api/v1/checkins/roster")).StatusCode);
        var page = await door.GetAsync("/door/scan");
        Assert.Equal("/organisers/signin", page.Headers.Location?.AbsolutePath ?? new Uri(new Uri("http://x"), page.Headers.Location!).AbsolutePath);
        var signIn = await _app.Client().PostAsJsonAsync("/api/v1/auth/login", new { email = "door@example.org", password = "door staff password" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        using (var c = _app.Db.OpenRead())
            Assert.NotNull(c.ExecuteScalar<string>("SELECT removed_at FROM organisers WHERE id = @doorId", new { doorId }));

        var staff = await Forms.ParseAsync(await SubmitForAsync(admin, "Restore", doorId));
        Assert.Contains("door@example.org a de nouveau accès", staff.QuerySelector("[role=status]")!.TextContent);
        using var back = await _app.SignedInClientAsync("door@example.org", "door staff password");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/v1/checkins/roster")).StatusCode);
    }

    [Fact]
    public async Task AnAdminCannotRemoveTheirOwnAccessSoOneAdminAlwaysRemains()
    {
        using var admin = await _app.SignedInClientAsync();
        var staff = await admin.GetPageAsync("/organisers/staff");
        Assert.Null(FormFor(staff, "Remove", AdminId()));

        var token = staff.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await admin.PostAsync("/organisers/staff?handler=Remove",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("id", AdminId().ToString())]));
        Assert.Contains("Vous ne pouvez pas retirer votre propre accès", (await Forms.ParseAsync(forged)).QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/organisers/staff")).StatusCode);
    }

    [Fact]
    public async Task WithdrawingAnInvitationKillsItsLinkAndTheAddressCanBeInvitedAgain()
    {
        using var admin = await _app.SignedInClientAsync();
        var staff = await admin.GetPageAsync("/organisers/staff");
        await admin.SubmitAsync(staff.FormWith("email"), new Dictionary<string, string> { ["email"] = "late@example.org", ["role"] = "door" }, "/organisers/staff");
        long invitedId;
        string link;
        using (var c = _app.Db.OpenRead())
        {
            invitedId = c.ExecuteScalar<long>("SELECT id FROM organisers WHERE email_key = 'late@example.org'");
            link = new Uri((await _app.LinkSentToAsync("late@example.org", "/organisers/invitation/"))!).AbsolutePath;
        }

        var withdrawn = await SubmitForAsync(admin, "Remove", invitedId);
        Assert.Contains("L'invitation de late@example.org est annulée", (await Forms.ParseAsync(withdrawn)).QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("plus valable", await (await _app.Client().GetAsync(link)).Content.ReadAsStringAsync());

        var again = await admin.SubmitAsync((await admin.GetPageAsync("/organisers/staff")).FormWith("email"),
            new Dictionary<string, string> { ["email"] = "late@example.org", ["role"] = "door" }, "/organisers/staff");
        Assert.Contains("Invitation envoyée à late@example.org", await again.Content.ReadAsStringAsync());
    }

    private long AdminId()
    {
        using var c = _app.Db.OpenRead();
        return c.ExecuteScalar<long>("SELECT id FROM organisers WHERE email_key = @key", new { key = EventsApp.AdminEmail });
    }

    private static async Task<HttpResponseMessage> SubmitForAsync(HttpClient admin, string handler, long id)
    {
        var staff = await admin.GetPageAsync("/organisers/staff");
        var form = FormFor(staff, handler, id) ?? throw new InvalidOperationException($"no {handler} button for organiser {id}");
        return await admin.SubmitAsync(form, new Dictionary<string, string>(), "/organisers/staff");
    }

    private static IHtmlFormElement? FormFor(IHtmlDocument staff, string handler, long id) => staff.Forms.FirstOrDefault(f =>
        (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)
        && f.Elements.Any(e => e.GetAttribute("name") == "id" && e.GetAttribute("value") == id.ToString()));

    public void Dispose() => _app.Dispose();
}
