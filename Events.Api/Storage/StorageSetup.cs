using Events.Api.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Events.Api.Storage;

public static class StorageSetup
{
    public const string DefaultConnectionString = "Data Source=data/events.db";

    /// <summary>The SQLite file from <c>ConnectionStrings:Events</c>, and the <c>Events</c> options.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        DapperSetup.Configure();
        services.Configure<EventsOptions>(configuration.GetSection("Events"));
        services.AddSingleton(new Db(configuration.GetConnectionString("Events") ?? DefaultConnectionString));
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Brings the schema up to date: run once before the app starts serving.</summary>
    public static void MigrateDatabase(this IServiceProvider services)
    {
        var db = services.GetRequiredService<Db>();
        var applied = Migrator.Migrate(db);
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Events.Storage");
        if (applied.Count > 0) log.LogInformation("Applied migrations {Migrations}", string.Join(", ", applied));
    }
}
