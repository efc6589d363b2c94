using System.Text.Json.Serialization;
using Events.Api.Security;
using Events.Web.Localisation;
using Events.Api.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace Events.Web.Hosting;

/// <summary>What the web host adds around the features: pages, JSON, problem details, proxies, cookies, headers.</summary>
public static class WebHosting
{
    public static IServiceCollection AddWebHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorPages();
        // No "Server: Kestrel" on every response: it tells an attacker what runs here, and costs bytes each time.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.AddServerHeader = false);
        // Accented letters as themselves, not as &#xE9;: smaller pages, same safety.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddApiDocument();
        services.AddHttpContextAccessor();
        services.AddScoped<UiText>();
        services.AddSingleton<PublisherLogo>().AddSingleton<Readiness>().AddSingleton<Pages.Organisers.Attendees.SavedSearches>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAntiforgery(a =>
        {
            a.Cookie.Name = ".Events.Antiforgery";
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure behind HTTPS; loopback HTTP still works.
            a.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Trust X-Forwarded-* only from the proxies named in configuration (ForwardedHeaders:KnownProxies). ASP.NET Core
        // trusts loopback by default, and trusts everyone once both lists are emptied: with no proxy named, the headers
        // are not read at all, or a client could pick a new address per request and dodge every rate limit.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            options.ForwardedHeaders = proxies.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });
        // Keys that sign cookies and antiforgery tokens live beside the database (a restart keeps everyone signed in),
        // not in it: a copy of the database alone opens nothing. `Events.Web backup` carries them in the backup file.
        services.AddDataProtection().SetApplicationName("Events")
            .PersistKeysToFileSystem(new DirectoryInfo(StorageSetup.KeysFolder(StorageSetup.ConnectionString(configuration))));
        // Pages, CSS, scripts and JSON travel compressed: a page is mostly repeated markup, and the door's roster
        // (names, statuses, times) shrinks to about a third. Phones at the door pay for every byte on a weak network.
        services.AddResponseCompression(c =>
        {
            c.EnableForHttps = true; // antiforgery tokens differ on every response, so BREACH has nothing stable to guess
            c.Providers.Add<BrotliCompressionProvider>();
            c.Providers.Add<GzipCompressionProvider>();
            c.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "text/calendar",
                "application/json", "application/problem+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddHsts(h => h.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UseWebHosting(this WebApplication app)
    {
        // A text key without a text fails loudly where developers look; in production the page shows the key.
        if (app.Environment.IsDevelopment()) Events.Api.Localisation.Texts.ThrowOnMissingKey = true;
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500,
            ExceptionHandler = ErrorPages.HandleException,
        });
        app.UseStatusCodePages(ErrorPages.HandleStatusCode);
        app.UseRequestGuards();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
