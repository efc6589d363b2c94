using System.Text;
using QRCoder;

namespace Events.Api.Tickets;

/// <summary>
/// The ticket's QR code. It encodes the bare ticket code (upper-case letters and digits, so QR's compact
/// alphanumeric mode), never a row id or a URL: the door scanner looks the code up.
/// </summary>
public static class TicketQr
{
    /// <summary>Quartile error correction: a creased printout or a cracked phone screen still scans.</summary>
    private const QRCodeGenerator.ECCLevel Ecc = QRCodeGenerator.ECCLevel.Q;

    /// <summary>A small black-on-white PNG for e-mails (about 400–600 bytes at 6 pixels per module).</summary>
    public static byte[] Png(string code, int pixelsPerModule = 6)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, Ecc);
        using var png = new PngByteQRCode(data); // disposes data too; a second Dispose is harmless
        return png.GetGraphic(pixelsPerModule, drawQuietZones: true);
    }

    /// <summary>
    /// An inline SVG with one path of horizontal runs (about 2 KB), scaled by CSS; the quiet zone is included.
    /// <paramref name="label"/> is the accessible name and is XML-escaped here.
    /// </summary>
    public static string Svg(string code, string label)
    {
        var matrix = Modules(code);
        var size = matrix.Count;
        var path = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x]) continue;
                var start = x;
                while (x + 1 < size && row[x + 1]) x++;
                path.Append('M').Append(start).Append(' ').Append(y).Append('h').Append(x - start + 1).Append("v1h-").Append(x - start + 1).Append('z');
            }
        }
        var escaped = System.Security.SecurityElement.Escape(label);
        return $"""<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 {size} {size}" role="img" aria-label="{escaped}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }

    /// <summary>The dark modules, quiet zone included, row by row.</summary>
    public static IReadOnlyList<bool[]> Modules(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, Ecc);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToList();
    }
}
