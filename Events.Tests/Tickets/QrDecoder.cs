using System.IO.Compression;
using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Events.Tests.Tickets;

/// <summary>
/// Decodes QR codes with ZXing.Net, an ordinary decoder that knows nothing of our encoder. The PNG is read into
/// grey pixels by a small reader here (8-bit or 1-bit grey or palette, any filter), so no native imaging library is needed.
/// </summary>
public static partial class QrDecoder
{
    /// <summary>
    /// ZXing's finder search first, as a camera would use it. About 3 symbols in 1,000 carry a stray 1:1:3:1:1 run in
    /// their data that ZXing takes for a corner, so it finds nothing; zbar and jsQR (the scanner's decoder) read those
    /// same images. For such a clean, upright image ZXing's pure-barcode mode then reads the module grid directly,
    /// still through its full decoder and error correction.
    /// </summary>
    public static string Decode(byte[] gray, int width, int height)
    {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(gray, width, height, RGBLuminanceSource.BitmapFormat.Gray8)));
        var result = new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true })
            ?? new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true });
        Assert.True(result is not null, "ZXing found no QR code");
        return result.Text;
    }

    public static string DecodePng(byte[] png)
    {
        var (gray, w, h) = ReadPng(png);
        return Decode(gray, w, h);
    }

    /// <summary>Draws the SVG's <c>M x y h n v1 h-n z</c> runs at 8 px per module, then decodes it.</summary>
    public static string DecodeSvg(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value);
        const int scale = 8;
        var px = size * scale;
        var gray = Enumerable.Repeat((byte)255, px * px).ToArray();
        foreach (Match run in Run().Matches(svg))
        {
            var (x, y, n) = (int.Parse(run.Groups[1].Value), int.Parse(run.Groups[2].Value), int.Parse(run.Groups[3].Value));
            for (var dy = 0; dy < scale; dy++)
                for (var dx = 0; dx < n * scale; dx++)
                    gray[(y * scale + dy) * px + x * scale + dx] = 0;
        }
        return Decode(gray, px, px);
    }

    [GeneratedRegex("""viewBox="0 0 (\d+) \d+""")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Run();

    public static (byte[] Gray, int Width, int Height) ReadPng(byte[] png)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int width = 0, height = 0, depth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var pos = 8; pos < png.Length;)
        {
            var length = (png[pos] << 24) | (png[pos + 1] << 16) | (png[pos + 2] << 8) | png[pos + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                (depth, colorType) = (data[8], data[9]);
            }
            else if (type == "PLTE") palette = data.ToArray();
            else if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
        }
        Assert.True(colorType is 0 or 3 && depth is 1 or 2 or 4 or 8, $"unsupported PNG: colour type {colorType}, depth {depth}");

        using var inflater = new ZLibStream(new MemoryStream(idat.ToArray()), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = (width * depth + 7) / 8;
        var bpp = Math.Max(1, depth / 8);
        var previous = new byte[stride];
        var gray = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var line = bytes.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? line[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var bitPos = x * depth;
                var value = (line[bitPos / 8] >> (8 - depth - bitPos % 8)) & ((1 << depth) - 1);
                gray[y * width + x] = colorType == 3
                    ? (byte)((palette[value * 3] + palette[value * 3 + 1] + palette[value * 3 + 2]) / 3)
                    : (byte)(value * 255 / ((1 << depth) - 1));
            }
            previous = line;
        }
        return (gray, width, height);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
