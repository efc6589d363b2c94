using Events.Api.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Messages;

public static class MessagesSetup
{
    /// <summary>Organisers' messages to attendees, with a test to themselves first and a history.</summary>
    public static IServiceCollection AddMessages(this IServiceCollection services) =>
        services.AddSingleton<Announcements>().AddSingleton<IOutboxComposer, AnnouncementMail>();
}
