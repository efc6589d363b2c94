using Events.Api.Storage;

namespace Events.Web.Hosting;

public static class StartUpFaults
{
    /// <summary>
    /// Why the app cannot start, in one line for the operator (a database or a logo that cannot be used), or null when
    /// <paramref name="e"/> is a fault of the code, whose stack trace is then wanted.
    /// </summary>
    public static string? StartUpFault(this IServiceProvider services, Exception e) =>
        e is InvalidLogoException ? e.Message : services.DatabaseFault(e)?.Message;
}
