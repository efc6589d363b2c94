using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Attendees;

public static class AttendeesSetup
{
    /// <summary>The organisers' view of who registered and who came, what admins do to one registration, its charts, its printouts and every edition's figures.</summary>
    public static IServiceCollection AddAttendees(this IServiceCollection services) =>
        services.AddSingleton<AttendeeList>().AddSingleton<AttendeeAdmin>().AddSingleton<AttendeeCharts>().AddSingleton<Printouts>().AddSingleton<EditionHistory>();
}
