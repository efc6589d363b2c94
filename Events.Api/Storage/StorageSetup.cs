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
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection("Events")).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<EventsOptions>, EventsOptionsRules>();
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
    /// Brings the schema up to date: run once before the app starts serving. A file that cannot be used throws; see
    /// <see cref="DatabaseFault"/> for the line to print.
    /// </summary>
    public static void MigrateDatabase(this IServiceProvider services)
    {
        var applied = Migrator.Migrate(services.GetRequiredService<Db>());
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Events.Storage");
        if (applied.Count > 0) log.LogInformation("Applied migrations {Migrations}", string.Join(", ", applied));
    }

    /// <summary>
    /// What <paramref name="e"/>, thrown by a start-up step that reads or writes the database (the migrations, the
    /// event's seed, the names' fold, the first admin), says about the file: the one line an operator needs when it
    /// cannot be used, or null when it is something else. Any of those steps may be the first to read a damaged page.
    /// </summary>
    public static DatabaseUnavailableException? DatabaseFault(this IServiceProvider services, Exception e)
    {
        if (e is DatabaseUnavailableException unavailable) return unavailable;
        var sqlite = e is StorageUnavailableException { InnerException: Microsoft.Data.Sqlite.SqliteException inner } ? inner : e.GetBaseException() as Microsoft.Data.Sqlite.SqliteException;
        if (sqlite is null || !StorageFaults.IsStorageFault(sqlite)) return null;
        return new DatabaseUnavailableException(Path.GetFullPath(services.GetRequiredService<Db>().File), StorageFaults.Describe(sqlite), e);
    }
}
