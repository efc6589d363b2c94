using Events.Api.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Events.Api.Mail;

public static class MailSetup
{
    /// <summary>
    /// The outbox worker, the shared <see cref="MailComposer"/> and the transport: SMTP when <c>Events:Smtp:Host</c> is
    /// set, otherwise <c>.eml</c> files in <c>Events:Mail:PickupDirectory</c> (default <c>data/mail</c>). The features
    /// that queue messages register an <see cref="IOutboxComposer"/> for their kinds.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxQueue>();
        services.AddDataProtection();
        services.AddSingleton<OutboxSecrets>();
        services.AddSingleton(sp => new MailComposer(sp.GetRequiredService<IOptions<EventsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMailTransportFactory>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EventsOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.Smtp.Host)
                ? new PickupTransportFactory(o.Mail.PickupDirectory)
                : new SmtpTransportFactory(o.Smtp);
        });
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return services;
    }
}
