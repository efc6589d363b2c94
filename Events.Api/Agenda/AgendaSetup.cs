using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Agenda;

public static class AgendaSetup
{
    /// <summary>The agenda and speaker services, the speakers' e-mails and retention, and their own cookie scheme and policy.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services) =>
        services.AddSingleton<AgendaService>().AddSingleton<SpeakerAccess>().AddSingleton<Mail.IOutboxComposer, SpeakerMail>()
            .AddSingleton<Registration.IRetentionStep, SpeakerRetention>()
            .AddSingleton<Registration.INewEditionStep, AgendaNextEdition>().AddSpeakerAuth();
}
