using Events.Api.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Tickets;

public static class TicketsSetup
{
    /// <summary>The wording of every message a registration's holder receives.</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services) =>
        services.AddSingleton<TicketMail>().AddSingleton<IOutboxComposer>(sp => sp.GetRequiredService<TicketMail>());
}
