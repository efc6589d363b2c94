using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using QRCoder;

namespace Events.Api.Tickets;

/// <summary>
/// The ticket's QR code. It encodes the bare ticket code (upper-case letters and digits, so QR's compact
/// alphanumeric mode), never a row id or a URL: the door scanner looks the code up.
/// </summary>
public static class TicketQr
{
    /// <summary>
    /// Medium error correction (15 %): the 28-character code fits a 25×25 version 2 symbol, whose larger modules a phone
    /// reads more easily at the same printed size than the 29×29 symbol that Q would need; it is also faster to make.
    /// </summary>
    private const QRCodeGenerator.ECCLevel Ecc = QRCodeGenerator.ECCLevel.M;

    /// <summary>
    /// A small black-on-white PNG for e-mails (about 300 bytes at 6 pixels per module): 1-bit grey, quiet zone
    /// included. Written here rather than by QRCoder's PngByteQRCode because this is most of the cost of a ticket
    /// e-mail and a direct encoder is several times faster.
    /// </summary>
    public static byte[] Png(string code, int pixelsPerModule = 6)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, Ecc);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count * pixelsPerModule;
        var stride = (size + 7) / 8;
        var raw = new byte[(stride + 1) * size]; // each row: filter byte 0, then pixels, 1 = white
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y / pixelsPerModule];
            var offset = y * (stride + 1) + 1;
            for (var x = 0; x < size; x++)
                if (!row[x / pixelsPerModule]) raw[offset + (x >> 3)] |= (byte)(0x80 >> (x & 7));
        }
        using var png = new MemoryStream(512);
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], size);
        header[8] = 1; // bit depth; colour type 0 (grey), deflate, adaptive filtering, no interlace
        Chunk(png, "IHDR"u8, header);
        using (var compressed = new MemoryStream(512))
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
            Chunk(png, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(type, data));
        png.Write(number);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
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
