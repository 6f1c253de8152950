using System.Buffers.Binary;
using System.IO.Compression;

namespace SelfServiceBot.Deploy.Tests.Teams;

/// <summary>
/// Reads a PNG's size and pixels (8-bit grey, grey+alpha, RGB or RGBA, not interlaced: what icon tools write), enough to
/// check Teams' icon rules without an imaging library.
/// </summary>
internal sealed record PngImage(int Width, int Height, IReadOnlyList<(byte R, byte G, byte B, byte A)> Pixels)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG");
        }
        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            at += 12 + length;
        }
        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colorType} (palette?) in {path}") };
        if (bitDepth != 8 || interlace != 0)
        {
            throw new NotSupportedException($"{path}: bit depth {bitDepth}, interlace {interlace}; only 8-bit non-interlaced PNGs are read");
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var pixels = new List<(byte, byte, byte, byte)>(width * height);
        for (var row = 0; row < height; row++)
        {
            var line = raw.AsSpan(row * (stride + 1) + 1, stride).ToArray();
            Unfilter(raw[row * (stride + 1)], line, previous, channels);
            for (var x = 0; x < width; x++)
            {
                var p = line.AsSpan(x * channels, channels);
                pixels.Add(channels switch
                {
                    1 => (p[0], p[0], p[0], (byte)255),
                    2 => (p[0], p[0], p[0], p[1]),
                    3 => (p[0], p[1], p[2], (byte)255),
                    _ => (p[0], p[1], p[2], p[3]),
                });
            }
            previous = line;
        }
        return new PngImage(width, height, pixels);
    }

    // The five PNG scanline filters (RFC 2083, 6.3), undone in place.
    private static void Unfilter(byte filter, byte[] line, byte[] previous, int bytesPerPixel)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bytesPerPixel ? line[i - bytesPerPixel] : 0, up = previous[i], upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new InvalidDataException($"PNG filter type {filter}"),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
