using Events.Api.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Api.Registration;

public static class RegistrationSetup
{
    public static IServiceCollection AddRegistration(this IServiceCollection services) =>
        services.AddSingleton<Editions>().AddSingleton<CodeSeal>().AddSingleton<RegistrationService>().AddSingleton<EventSettings>().AddSingleton<NextEditions>().AddSingleton<TicketService>()
            .AddSingleton<Retention>().AddHostedService(sp => sp.GetRequiredService<Retention>())
            .AddSingleton<Reminders>().AddHostedService(sp => sp.GetRequiredService<Reminders>());

    /// <summary>After the migrations: the folded names of registrations written before they were kept (see <see cref="SearchKeys"/>).</summary>
    public static void FoldRegistrationNames(this IServiceProvider services) =>
        SearchKeys.FoldOlderRegistrations(services.GetRequiredService<Storage.Db>());

    /// <summary>After the migrations: the hashes and sealed copies of codes written in clear before migration 0018 (see <see cref="CodeHashing"/>).</summary>
    public static void HashOlderCodes(this IServiceProvider services) =>
        CodeHashing.HashOlderCodes(services.GetRequiredService<Storage.Db>(), services.GetRequiredService<CodeSeal>());

    /// <summary>On first start, the event from <c>Events:Event:*</c>; afterwards organisers edit it. Run after the migrations.</summary>
    public static void SeedEvent(this IServiceProvider services) =>
        services.GetRequiredService<Editions>().SeedIfEmpty(services.GetRequiredService<IOptions<EventsOptions>>().Value.Event);
}
