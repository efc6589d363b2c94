namespace Events.Web.Hosting;

/// <summary>
/// wwwroot through <c>MapStaticAssets</c>: the build writes a gzip copy of each file (publication adds Brotli) and a
/// fingerprinted address (<c>/site.k3xq7h1m2p.css</c>) served with a year's <c>immutable</c> caching; pages name those
/// addresses with <c>@Assets["site.css"]</c> (<see cref="AssetUrls"/>). The plain addresses still answer, revalidated
/// by ETag (the door's service worker precaches them).
/// </summary>
public static class StaticAssets
{
    public static WebApplicationBuilder AddStaticAssets(this WebApplicationBuilder builder)
    {
        // Until publication the compressed copies live in obj/: read them from there in every environment, since the
        // tests run as Production from the build output. A no-op once published.
        builder.WebHost.UseStaticWebAssets();
        // Run from a build, MapStaticAssets also checks each file against wwwroot so that edits show without a rebuild;
        // on Linux the sub-second modification times never match the build's, so every file is then sent as if edited:
        // uncached, and "gzip" without compression. Only Development wants that check: elsewhere (tests included) the
        // build's compressed copies go out with their caching headers, as once published.
        if (!builder.Environment.IsDevelopment())
            builder.Configuration.AddInMemoryCollection([new("ReloadStaticAssetsAtRuntime", "false")]);
        builder.Services.AddScoped<AssetUrls>();
        return builder;
    }
}
