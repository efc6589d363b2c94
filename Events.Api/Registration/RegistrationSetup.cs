using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Registration;

public static class RegistrationSetup
{
    public static IServiceCollection AddRegistration(this IServiceCollection services) =>
        services.AddSingleton<EventStore>().AddSingleton<RegistrationService>().AddSingleton<EventSettings>()
            .AddSingleton<Retention>().AddHostedService(sp => sp.GetRequiredService<Retention>());
}
