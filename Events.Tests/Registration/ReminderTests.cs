using Dapper;
using Events.Api.Registration;
using Events.Tests.Infrastructure;
using Events.Tests.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Registration;

/// <summary>One reminder per confirmed attendee, 48 hours before the start, through the outbox, whatever restarts.</summary>
public sealed class ReminderTests : IDisposable
{
    // The seeded event starts on 26 June 2027 at 08:30 Paris time (06:30 UTC).
    private static readonly DateTimeOffset Start = new(2027, 6, 26, 6, 30, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start - TimeSpan.FromDays(10));
    private readonly string _folder = Directory.CreateTempSubdirectory("events-reminders-").FullName;

    private EventsApp App() => new(new()
    {
        ["ConnectionStrings:Events"] = $"Data Source={Path.Combine(_folder, "events.db")}",
        ["Events:Mail:PollSeconds"] = "0",
        ["Events:Event:HowToCome"] = "Métro : station Saint-Julien, puis 5 minutes à pied.",
    }, _clock);

    [Fact]
    public async Task EachConfirmedAttendeeGetsOneReminderWithTicketAndHowToComeAndLaterRegistrationsGetNone()
    {
        using (var app = App())
        {
            await app.RegisterAsync("ada@example.org");
            await app.RegisterAsync("grace@example.org");
            var cancelled = await app.RegisterAsync("gone@example.org");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await app.Client().DeleteAsync($"/api/v1/registrations/{cancelled.ManageCode}")).StatusCode);
            var reminders = app.Services.GetRequiredService<Reminders>();

            _clock.Now = Start - TimeSpan.FromHours(49);
            Assert.Equal(0, await reminders.QueueDueAsync()); // not yet
            _clock.Now = Start - TimeSpan.FromHours(47);
            await app.RegisterAsync("late@example.org"); // after the reminder point: their ticket is fresh
            Assert.Equal(2, await reminders.QueueDueAsync());
            Assert.Equal(0, await reminders.QueueDueAsync()); // once

            await app.DrainMailAsync();
            var sent = app.PickedUp().Where(m => m.Subject?.StartsWith("Rappel", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(["ada@example.org", "grace@example.org"], sent.Select(m => m.To.Mailboxes.Single().Address).Order());
            Assert.All(sent, m =>
            {
                Assert.Contains("station Saint-Julien", m.TextBody);
                Assert.NotNull(m.TicketCodeInText());
                Assert.Contains("/manage/", m.TextBody);
                Assert.NotNull(m.Part("image", "png")); // the QR
            });
        }

        using var restarted = App(); // the same database, a new process
        Assert.Equal(0, await restarted.Services.GetRequiredService<Reminders>().QueueDueAsync());
        using var c = restarted.Db.OpenRead();
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'reminder'"));
    }

    [Fact]
    public async Task NoReminderWhenTheyAreTurnedOff()
    {
        using var app = new EventsApp(new() { ["Events:Reminders:HoursBefore"] = "0", ["Events:Mail:PollSeconds"] = "0" }, _clock);
        await app.RegisterAsync("ada@example.org");
        _clock.Now = Start - TimeSpan.FromHours(1);
        Assert.Equal(0, await app.Services.GetRequiredService<Reminders>().QueueDueAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
