using Events.Tests.Infrastructure;
using Events.Web.Hosting;

namespace Events.Tests.Platform;

/// <summary>The publisher's own logo (<c>Events:Publisher:Logo</c>): drawn inline in every header, and checked first.</summary>
public sealed class PublisherLogoTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("events-logo-").FullName;

    private const string Good = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40" width="400" height="400">
          <title>Ville d'exemple</title>
          <circle cx="20" cy="20" r="18" fill="#1d6b3a"/><path d="M10 20h20" stroke="#fff" stroke-width="4"/>
        </svg>
        """;

    [Fact]
    public async Task AConfiguredLogoIsDrawnInsideEveryPageAndIsItsIcon()
    {
        var file = Path.Combine(_folder, "logo.svg");
        await File.WriteAllTextAsync(file, Good);
        using var app = new EventsApp(new() { ["Events:Publisher:Logo"] = file });
        var page = await app.Client().GetPageAsync("/privacy");

        var logo = page.QuerySelector("header .brand svg")!;
        Assert.Equal("logo custom", logo.GetAttribute("class"));
        Assert.Equal("true", logo.GetAttribute("aria-hidden")); // the organisation's name beside it is the text
        Assert.Equal("32", logo.GetAttribute("width"));
        Assert.NotNull(logo.QuerySelector("circle"));
        Assert.Null(logo.QuerySelector("title"));
        Assert.StartsWith("data:image/svg+xml,", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.Contains("circle", Uri.UnescapeDataString(page.QuerySelector("link[rel=icon]")!.GetAttribute("href")!));
        Assert.Empty(page.QuerySelectorAll("img")); // no request for it
    }

    [Fact]
    public async Task WithoutALogoTheBuiltInMarkIsDrawn()
    {
        using var app = new EventsApp();
        var page = await app.Client().GetPageAsync("/privacy");
        Assert.Equal("logo mark", page.QuerySelector("header .brand svg")!.GetAttribute("class"));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>""", "<script> is not allowed")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect onclick="x()" width="1" height="1"/></svg>""", "onclick is not allowed")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect style="fill:red" width="1" height="1"/></svg>""", "style is not allowed")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><use x:href="https://example.org/a.svg#b"/></svg>""", "another file or site")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><foreignObject/></svg>""", "<foreignObject> is not allowed")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>""", "no viewBox")]
    [InlineData("""<html><body/></html>""", "root element is not <svg>")]
    [InlineData("""<svg viewBox="0 0 10 10"><rect></svg>""", "not well-formed")]
    public async Task ALogoThatIsNotPlainShapesIsRefusedWithTheReason(string svg, string reason)
    {
        var file = Path.Combine(_folder, "bad.svg");
        await File.WriteAllTextAsync(file, svg);
        var e = Assert.Throws<InvalidLogoException>(() => PublisherLogo.Read(file));
        Assert.Contains(reason, e.Message);
        Assert.Contains(file, e.Message);
    }

    [Fact]
    public async Task ALogoOverEightKilobytesIsRefused()
    {
        var file = Path.Combine(_folder, "big.svg");
        await File.WriteAllTextAsync(file, Good.Replace("<title>", "<desc>" + new string('x', 9000) + "</desc><title>"));
        Assert.Contains("larger than 8 KB", Assert.Throws<InvalidLogoException>(() => PublisherLogo.Read(file)).Message);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
