using Events.Api.Mail;
using Events.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Tests.Mail;

/// <summary>The worker picks each message's composer by its kind; the features supply the composers.</summary>
public sealed class OutboxKindTests
{
    [Fact]
    public async Task AMessageOfAKindNoFeatureWordsIsMarkedFailedAtOnceAndSaysWhy()
    {
        using var app = new EventsApp(new() { ["Events:Mail:PollSeconds"] = "0" });
        await app.Db.WriteAsync((c, tx) => Outbox.Enqueue(c, tx, "mystery", null, DateTimeOffset.UtcNow, "{}"));
        Assert.Equal(0, await app.DrainMailAsync());
        var row = app.Outbox().Single();
        Assert.Equal(("failed", 1L), (row.Status, row.Attempts));
        Assert.Contains("'mystery'", row.LastError);
        Assert.Empty(app.PickedUp());
    }

    [Fact]
    public void EveryKindTheFeaturesQueueHasExactlyOneComposer()
    {
        using var app = new EventsApp(new() { ["Events:Mail:PollSeconds"] = "0" });
        var kinds = app.Services.GetServices<IOutboxComposer>().SelectMany(c => c.Kinds).ToList();
        Assert.Equal(kinds.Count, kinds.Distinct().Count());
        Assert.Superset(new HashSet<string>(["confirmed", "waitlisted", "promoted", "cancelled", "duplicate", "resend", "replaced", "announcement", "announcement-test",
            "organiser_invitation", "speaker_invitation", "speaker_signin"]), kinds.ToHashSet());
    }
}
