using Events.Api.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Api.Registration;

public static class RegistrationSetup
{
    public static IServiceCollection AddRegistration(this IServiceCollection services) =>
        services.AddSingleton<EventStore>().AddSingleton<RegistrationService>().AddSingleton<EventSettings>()
            .AddSingleton<Retention>().AddHostedService(sp => sp.GetRequiredService<Retention>());

    /// <summary>On first start, the event from <c>Events:Event:*</c>; afterwards organisers edit it. Run after the migrations.</summary>
    public static void SeedEvent(this IServiceProvider services) =>
        services.GetRequiredService<EventStore>().SeedIfEmpty(services.GetRequiredService<IOptions<EventsOptions>>().Value.Event);
}
