using System.Runtime.CompilerServices;
using Events.Api.Configuration;
using Events.Api.Mail;

namespace Events.Tests.Mail;

public sealed class MailComposerTests
{
    [Fact]
    public void AComposedMessageIsNotKeptAliveByTheComposer()
    {
        var composer = new MailComposer(new EventsOptions { PublicBaseUrl = "https://events.example.org" });
        var composed = ComposeAndForget(composer, 50);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The worker composes thousands of tickets in a rush: any message the composer still reaches is a leak.
        Assert.Equal(0, composed.Count(w => w.IsAlive));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> ComposeAndForget(MailComposer composer, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var mail = composer.Message(composer.Body("fr", "Essai"), $"Personne {i}", $"p{i}@example.org", "Essai", "fr");
            return new WeakReference(mail);
        }).ToList();
}
