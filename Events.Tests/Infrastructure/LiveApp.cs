namespace Events.Tests.Infrastructure;

/// <summary>The app on a real loopback port (Kestrel), for the browser.</summary>
public sealed class LiveApp : IDisposable
{
    public EventsApp App { get; }
    public string BaseUrl { get; }

    public LiveApp(Dictionary<string, string?>? settings = null)
    {
        App = new EventsApp(settings);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public void Dispose() => App.Dispose();
}
