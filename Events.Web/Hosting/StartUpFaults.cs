using Events.Api.Storage;

namespace Events.Web.Hosting;

public static class StartUpFaults
{
    /// <summary>
    /// Why the app cannot start, in one line for the operator (a database or a logo that cannot be used), or null when
    /// <paramref name="e"/> is a fault of the code, whose stack trace is then wanted.
    /// </summary>
    public static string? StartUpFault(this IServiceProvider services, Exception e) => e switch
    {
        InvalidLogoException => e.Message,
        Microsoft.Extensions.Options.OptionsValidationException o => "the configuration is wrong: " + string.Join(" ", o.Failures),
        // The binder's own words name the key and the type ("Failed to convert configuration value at 'Events:…' to type 'System.Int32'").
        InvalidOperationException when e.Message.Contains("configuration value", StringComparison.Ordinal) => "the configuration is wrong: " + e.Message,
        _ => services.DatabaseFault(e)?.Message,
    };
}
