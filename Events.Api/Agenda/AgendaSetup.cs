using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Agenda;

public static class AgendaSetup
{
    /// <summary>The agenda and speaker services, the speakers' e-mails, and the speakers' own cookie scheme and policy.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services) =>
        services.AddSingleton<AgendaService>().AddSingleton<SpeakerAccess>().AddSingleton<Mail.IOutboxComposer, SpeakerMail>().AddSpeakerAuth();
}
