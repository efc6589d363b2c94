using Microsoft.Extensions.DependencyInjection;

namespace Events.Api.CheckIn;

public static class CheckInSetup
{
    /// <summary>The check-in rule, and the JSON the door's API reads and writes, generated at build time (every scan of a rush).</summary>
    public static IServiceCollection AddCheckIn(this IServiceCollection services) => services
        .AddSingleton<CheckInService>()
        .ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, CheckInJson.Default));

    /// <summary>After the migrations: the scans audited in clear before migration 0018, hashed (see <see cref="ScanHashing"/>).</summary>
    public static void HashOlderScans(this IServiceProvider services) =>
        ScanHashing.HashOlderScans(services.GetRequiredService<Storage.Db>());
}
