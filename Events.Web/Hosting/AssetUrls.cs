using Microsoft.AspNetCore.Components;

namespace Events.Web.Hosting;

/// <summary>
/// <c>@Assets["site.css"]</c> in the pages (injected in <c>_ViewImports</c>): the fingerprinted address of a file of
/// wwwroot, such as <c>/site.k3xq7h1m2p.css</c>, which <c>MapStaticAssets</c> serves compressed (gzip, and Brotli once
/// published) with a year's <c>immutable</c> caching; a changed file gets a new address. A file it does not know keeps
/// its plain address.
/// </summary>
public sealed class AssetUrls(IHttpContextAccessor accessor)
{
    public string this[string path] =>
        "/" + (accessor.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<ResourceAssetCollection>()?[path] ?? path);
}
