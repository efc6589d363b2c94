namespace Events.Web.Hosting;

/// <summary>
/// Serves <c>file.js.gz</c> (gzipped once, at commit time) in place of <c>file.js</c> under <c>/lib/</c> when the
/// browser accepts gzip: the QR decoder is 250 KB raw, 57 KB gzipped, and compressing it on every request would waste CPU.
/// </summary>
public static class Precompressed
{
    public static IApplicationBuilder UsePrecompressedScripts(this IApplicationBuilder app)
    {
        var env = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        return app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (HttpMethods.IsGet(context.Request.Method) && path.StartsWithSegments("/lib") && path.Value!.EndsWith(".js", StringComparison.Ordinal)
                && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                && env.WebRootFileProvider.GetFileInfo(path.Value + ".gz").Exists)
            {
                context.Request.Path = path.Value + ".gz";
                context.Response.Headers.ContentEncoding = "gzip";
                context.Response.Headers.Vary = "Accept-Encoding";
                context.Response.OnStarting(() =>
                {
                    context.Response.ContentType = "text/javascript";
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
    }
}
