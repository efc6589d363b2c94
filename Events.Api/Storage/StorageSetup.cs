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
        // Opened when first asked for (MigrateDatabase at start-up), where a file that cannot be used is reported.
        services.AddSingleton(_ => new Db(ConnectionString(configuration)));
        services.AddSingleton<ReadCache>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) => configuration.GetConnectionString("Events") ?? DefaultConnectionString;

    /// <summary>Where Data Protection keeps the keys that sign cookies: <c>keys/</c> beside the database file.</summary>
    public static string KeysFolder(string connectionString)
    {
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source is { Length: > 0 } and not ":memory:" ? source : "data/events.db"))!;
        return Path.Combine(folder, "keys");
    }

    /// <summary>
    /// Brings the schema up to date: run once before the app starts serving. A file that cannot be used throws
    /// <see cref="DatabaseUnavailableException"/>, whose message is the one line an operator needs.
    /// </summary>
    public static void MigrateDatabase(this IServiceProvider services)
    {
        var db = services.GetRequiredService<Db>();
        IReadOnlyList<string> applied;
        try { applied = Migrator.Migrate(db); }
        catch (Exception e) when (e.GetBaseException() is Microsoft.Data.Sqlite.SqliteException { } sqlite && StorageFaults.IsStorageFault(sqlite))
        {
            throw new DatabaseUnavailableException(Path.GetFullPath(db.File), StorageFaults.Describe(sqlite), e);
        }

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Events.Storage");
        if (applied.Count > 0) log.LogInformation("Applied migrations {Migrations}", string.Join(", ", applied));
    }
}
