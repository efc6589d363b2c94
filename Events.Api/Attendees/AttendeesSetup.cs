using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.Attendees;

public static class AttendeesSetup
{
    /// <summary>The organisers' view of who registered and who came, and what admins do to one registration.</summary>
    public static IServiceCollection AddAttendees(this IServiceCollection services) =>
        services.AddSingleton<AttendeeList>().AddSingleton<AttendeeAdmin>();
}
