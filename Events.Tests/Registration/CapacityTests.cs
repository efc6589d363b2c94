using System.Net;
using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.Registration;

/// <summary>The capacity counter under concurrent load: never more confirmed than seats, waiting list in order.</summary>
public sealed class CapacityTests
{
    [Fact]
    public async Task FiveHundredConcurrentRegistrationsForFiftySeatsConfirmExactlyFifty()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "50" });
        using var client = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            client.PostAsJsonAsync("/api/v1/registrations", new { firstName = "P", lastName = $"N{i}", email = $"p{i}@example.org", consent = true })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<EventsApp.Created>()));
        Assert.Equal(50, bodies.Count(b => b!.Status == "confirmed"));
        Assert.Equal(450, bodies.Count(b => b!.Status == "waitlisted"));
        Assert.Equal(Enumerable.Range(1, 450).Select(i => (long?)i), bodies.Where(b => b!.Status == "waitlisted").Select(b => b!.WaitlistPosition).Order());

        using var c = app.Db.OpenRead();
        Assert.Equal((50L, 450L), c.QuerySingle<(long, long)>("SELECT confirmed, waitlisted FROM events"));
        Assert.Equal(50L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"));
    }

    [Fact]
    public async Task InterleavedCancellationsAndRegistrationsKeepTheCounterExact()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "40" });
        using var client = app.Client();
        var first = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => app.RegisterAsync($"first{i}@example.org")));

        // 100 cancellations of existing registrations interleaved with 100 new registrations, all at once.
        var work = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 100; i++)
        {
            work.Add(client.DeleteAsync($"/api/v1/registrations/{first[i].ManageCode}"));
            work.Add(client.PostAsJsonAsync("/api/v1/registrations", new { firstName = "S", lastName = $"{i}", email = $"second{i}@example.org", consent = true }));
        }
        var responses = await Task.WhenAll(work);
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{r.StatusCode}"));

        using var c = app.Db.OpenRead();
        var (confirmed, waitlisted) = c.QuerySingle<(long, long)>("SELECT confirmed, waitlisted FROM events");
        Assert.Equal(40L, confirmed); // 100 live registrations remain for 40 seats
        Assert.Equal(confirmed, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'"));
        Assert.Equal(waitlisted, c.ExecuteScalar<long>("SELECT COUNT(*) FROM registrations WHERE status = 'waitlisted'"));
        Assert.Equal(60L, waitlisted);
    }

    [Fact]
    public async Task CancellingAConfirmedSeatPromotesTheFirstPersonWaitingAndQueuesTheirEmail()
    {
        using var app = new EventsApp(new() { ["Events:Event:Capacity"] = "1" });
        var holder = await app.RegisterAsync("holder@example.org");
        var second = await app.RegisterAsync("second@example.org");
        var third = await app.RegisterAsync("third@example.org");
        Assert.Equal("confirmed", holder.Status);
        Assert.Equal(1L, second.WaitlistPosition);
        Assert.Equal(2L, third.WaitlistPosition);

        using var client = app.Client();
        (await client.DeleteAsync($"/api/v1/registrations/{holder.ManageCode}")).EnsureSuccessStatusCode();

        var promoted = await client.GetFromJsonAsync<Dictionary<string, object?>>($"/api/v1/registrations/{second.ManageCode}");
        Assert.Equal("confirmed", promoted!["status"]!.ToString());
        Assert.NotNull(promoted["ticketUrl"]);
        var stillWaiting = await client.GetFromJsonAsync<Dictionary<string, object?>>($"/api/v1/registrations/{third.ManageCode}");
        Assert.Equal("1", stillWaiting!["waitlistPosition"]!.ToString());

        using var c = app.Db.OpenRead();
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'promoted'"));
        Assert.Equal(1L, c.ExecuteScalar<long>("SELECT COUNT(*) FROM outbox WHERE kind = 'cancelled'"));
    }
}
