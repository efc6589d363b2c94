using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Events.Tests.Infrastructure;

/// <summary>
/// Just enough of PDF to check what Chromium printed, without a PDF library: the number of pages, and the text of
/// each page. Chromium (Skia) writes each page's content as one deflated stream and each font with a ToUnicode map
/// from its glyph codes to characters; text is drawn as hex strings of 2-byte codes.
/// </summary>
public static partial class Pdf
{
    /// <summary>Page objects (<c>/Type /Page</c>, not the <c>/Pages</c> tree).</summary>
    public static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    /// <summary>The text drawn on each page, in page order, every font's map applied.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        var streams = Streams(pdf).ToList();
        var maps = streams.Where(s => s.Contains("begincmap", StringComparison.Ordinal)).Select(CMap).ToList();
        return streams.Where(s => TextOperator().IsMatch(s)).Select(content =>
        {
            var text = new StringBuilder();
            foreach (Match m in HexString().Matches(content))
            {
                var codes = Enumerable.Range(0, m.Groups[1].Value.Length / 4).Select(i => Convert.ToInt32(m.Groups[1].Value.Substring(i * 4, 4), 16)).ToList();
                // Which font drew the string is not tracked: the first map that knows every code is taken.
                if (maps.FirstOrDefault(map => codes.All(map.ContainsKey)) is { } found) text.AppendJoin("", codes.Select(c => found[c]));
            }
            return text.ToString();
        }).ToList();
    }

    private static IEnumerable<string> Streams(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        foreach (Match m in StreamBody().Matches(raw))
        {
            var bytes = Encoding.Latin1.GetBytes(m.Groups[1].Value);
            string? inflated;
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var reader = new StreamReader(zlib, Encoding.Latin1);
                inflated = reader.ReadToEnd();
            }
            catch (InvalidDataException) { inflated = null; } // an image or a font program: not text
            if (inflated is not null) yield return inflated;
        }
    }

    private static Dictionary<int, string> CMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in CharBlock().Matches(cmap))
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
                map[Convert.ToInt32(pair.Groups[1].Value, 16)] = Unicode(pair.Groups[2].Value, 0);
        foreach (Match block in RangeBlock().Matches(cmap))
            foreach (Match range in Triple().Matches(block.Groups[1].Value))
            {
                var (from, to) = (Convert.ToInt32(range.Groups[1].Value, 16), Convert.ToInt32(range.Groups[2].Value, 16));
                for (var code = from; code <= to; code++) map[code] = Unicode(range.Groups[3].Value, code - from);
            }
        return map;
    }

    private static string Unicode(string hex, int offset)
    {
        var units = Enumerable.Range(0, hex.Length / 4).Select(i => (char)Convert.ToInt32(hex.Substring(i * 4, 4), 16)).ToArray();
        units[^1] = (char)(units[^1] + offset);
        return new string(units);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"stream\r?\n(.*?)\r?\nendstream", RegexOptions.Singleline)]
    private static partial Regex StreamBody();

    [GeneratedRegex(@"\bTf\b")]
    private static partial Regex TextOperator();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4,})>")]
    private static partial Regex HexString();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex CharBlock();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex RangeBlock();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Triple();
}
