using System.Xml;
using System.Xml.Linq;
using Events.Api.Configuration;
using Microsoft.Extensions.Options;

namespace Events.Web.Hosting;

/// <summary>
/// The publisher's logo, drawn inline in every page's header (no extra request) and used as the favicon: the built-in
/// mark, or the SVG file named by <c>Events:Publisher:Logo</c>, read once at start-up. The file is checked, since it
/// goes into every page: at most 8 KB, plain shapes only (no script, event handler, style, link or external
/// reference). A logo that fails stops the start with one line saying why (<see cref="InvalidLogoException"/>).
/// </summary>
public sealed class PublisherLogo
{
    public const int MaxBytes = 8 * 1024;

    // Shapes, text and paint: enough for a logo, nothing that runs, loads or styles.
    private static readonly HashSet<string> Elements =
    [
        "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "title", "desc",
        "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "use", "symbol",
    ];

    /// <summary>The <c>&lt;svg&gt;</c> element for the header, hidden from screen readers (the name beside it says it), or null for the built-in mark.</summary>
    public string? Svg { get; }
    /// <summary>A <c>data:</c> URI of the logo for the page's icon, or null for the built-in one.</summary>
    public string? Favicon { get; }

    public PublisherLogo(IOptions<EventsOptions> options, IWebHostEnvironment environment)
    {
        if (options.Value.Publisher.Logo is not { Length: > 0 } configured) return;
        var file = Path.GetFullPath(configured, environment.ContentRootPath);
        (Svg, Favicon) = Read(file);
    }

    /// <summary>Reads and checks an SVG logo file: the markup for the header and the favicon URI.</summary>
    public static (string Svg, string Favicon) Read(string file)
    {
        if (!File.Exists(file)) throw new InvalidLogoException(file, "no such file");
        if (new FileInfo(file).Length > MaxBytes) throw new InvalidLogoException(file, $"larger than {MaxBytes / 1024} KB");
        XElement svg;
        try
        {
            // No DTD: a logo needs no entities, and refusing them rules out expansion bombs.
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            svg = XDocument.Load(reader).Root!;
        }
        catch (XmlException e)
        {
            throw new InvalidLogoException(file, $"not well-formed SVG ({e.Message})");
        }
        if (svg.Name.LocalName != "svg") throw new InvalidLogoException(file, "its root element is not <svg>");
        if (svg.Attribute("viewBox") is null) throw new InvalidLogoException(file, "it has no viewBox, so it cannot be scaled");
        foreach (var element in svg.DescendantsAndSelf())
        {
            if (!Elements.Contains(element.Name.LocalName)) throw new InvalidLogoException(file, $"<{element.Name.LocalName}> is not allowed in a logo");
            foreach (var attribute in element.Attributes())
            {
                var name = attribute.Name.LocalName;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name == "style")
                    throw new InvalidLogoException(file, $"the attribute {name} is not allowed (scripts and inline styles are refused by the pages' security policy)");
                if (name == "href" && !attribute.Value.StartsWith('#'))
                    throw new InvalidLogoException(file, "it refers to another file or site");
            }
        }
        var favicon = "data:image/svg+xml," + Uri.EscapeDataString(svg.ToString(SaveOptions.DisableFormatting));
        // In the page: sized by the stylesheet, hidden from assistive technologies (the organisation's name follows it).
        svg.SetAttributeValue("width", "32");
        svg.SetAttributeValue("height", "32");
        svg.SetAttributeValue("class", "logo custom");
        svg.SetAttributeValue("aria-hidden", "true");
        svg.SetAttributeValue("focusable", "false");
        foreach (var label in svg.Elements().Where(e => e.Name.LocalName is "title" or "desc").ToList()) label.Remove();
        return (svg.ToString(SaveOptions.DisableFormatting), favicon);
    }
}

/// <summary>The configured logo cannot be used; the message names the file and the reason.</summary>
public sealed class InvalidLogoException(string file, string cause) : Exception($"the logo {file} cannot be used: {cause}");
