using System.Net.Http.Json;
using Dapper;
using Events.Tests.Infrastructure;

namespace Events.Tests.CheckIn;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly EventsApp _app = new();

    [Fact]
    public async Task FiftyPhonesScanningOneTicketAtOnceGiveExactlyOneAccepted()
    {
        var code = await _app.TicketAsync();
        using var door = await _app.SignedInClientAsync();
        using var start = new ManualResetEventSlim();
        var scans = Enumerable.Range(1, 50).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var response = await door.PostAsJsonAsync("/api/v1/checkins", new { code, device = $"Door {i}", nonce = Guid.NewGuid() });
            return (await response.Content.ReadFromJsonAsync<CheckInApiTests.Answer>())!.Outcome;
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(scans);

        Assert.Equal(1, outcomes.Count(o => o == "accepted"));
        Assert.Equal(49, outcomes.Count(o => o == "already_checked_in"));
        using var c = _app.Db.OpenRead();
        Assert.Equal(1, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkins"));
        Assert.Equal(50, c.ExecuteScalar<long>("SELECT COUNT(*) FROM checkin_scans"));
    }

    public void Dispose() => _app.Dispose();
}
