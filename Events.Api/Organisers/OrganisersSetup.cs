using Events.Api.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Api.Organisers;

public static class OrganisersSetup
{
    /// <summary>Accounts, invitations, sessions and access, with the cookie scheme and role policies.</summary>
    public static IServiceCollection AddOrganisers(this IServiceCollection services) =>
        services.AddSingleton<SignInThrottle>().AddSingleton<OrganiserAccounts>().AddSingleton<OrganiserInvitations>()
            .AddSingleton<Mail.IOutboxComposer, OrganiserInvitationMail>().AddSingleton<OrganiserSessions>()
            .AddSingleton<OrganiserAccess>().AddSingleton<ActivityLog>().AddOrganiserAuth();

    /// <summary>At start-up: the first admin from configuration; failing that, a one-time setup link in the log.</summary>
    public static void EnsureConfiguredAdmin(this IServiceProvider services)
    {
        services.GetRequiredService<OrganiserAccounts>().EnsureConfiguredAdmin(services.GetRequiredService<IOptions<EventsOptions>>().Value.Admin);
        services.GetRequiredService<OrganiserInvitations>().PrintSetupLinkIfNoAdmin();
    }
}
