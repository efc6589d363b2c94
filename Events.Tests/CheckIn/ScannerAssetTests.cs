using System.Net;
using Events.Tests.Infrastructure;

namespace Events.Tests.CheckIn;

/// <summary>The scanner's files as the server sends them (no browser needed): compressed, fingerprinted, from our own origin.</summary>
public sealed class ScannerAssetTests : IDisposable
{
    private readonly EventsApp _app = new();

    private static HttpRequestMessage Get(string url, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        return request;
    }

    [Fact]
    public async Task TheDecoderIsServedGzippedFromOurOwnOrigin()
    {
        using var client = _app.Client(); // the test client does not decompress: bytes as sent
        var response = await client.SendAsync(Get("/lib/jsqr/jsQR.js", "gzip, deflate"));
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 60 * 1024);
        var withBrotli = await client.SendAsync(Get("/lib/jsqr/jsQR.js", "gzip, deflate, br"));
        Assert.Contains(withBrotli.Content.Headers.ContentEncoding.Single(), new[] { "gzip", "br" }); // br once published
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/jsqr/LICENSE.txt")).StatusCode);
    }

    [Fact]
    public async Task TheScannerNamesItsFilesByFingerprintCachedForAYearAndTheServiceWorkersPlainNamesStillAnswer()
    {
        using var client = await _app.SignedInClientAsync();
        var page = await client.GetPageAsync("/door/scan");
        var script = page.QuerySelector("script[data-decoder]")!;
        var styles = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToArray();
        var files = new[] { script.GetAttribute("src")!, script.GetAttribute("data-decoder")!, styles[0], styles[1] };
        Assert.Matches(@"^/door/scanner\.[a-z0-9]{10}\.js$", files[0]);
        Assert.Matches(@"^/lib/jsqr/jsQR\.[a-z0-9]{10}\.js$", files[1]);
        Assert.Matches(@"^/site\.[a-z0-9]{10}\.css$", files[2]);
        Assert.Matches(@"^/work\.[a-z0-9]{10}\.css$", files[3]);
        foreach (var file in files)
        {
            var response = await client.SendAsync(Get(file, "gzip"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), $"{file}: {response.Headers.CacheControl}");
        }
        // door/sw.js precaches these plain addresses and files every fingerprinted copy under them.
        foreach (var plain in new[] { "/door/scan", "/door/scanner.js", "/site.css", "/work.css", "/lib/jsqr/jsQR.js", "/door/sw.js" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(plain)).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
