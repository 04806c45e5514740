using System.Buffers.Binary;
using System.IO.Compression;
using RlGameTester.Domain.Frames;

namespace RlGameTester.Worker.Agents.Explorer.Frames;

/// <summary>
/// Encodes a Doom picture as an 8-bit palette PNG (no filter, fastest zlib): the Worker renders frames without an image
/// library, and a frame is written once and decoded by the frame checks, so speed beats size here. Doom's own pixels are
/// palette indices: a third of the bytes of RGB to compress and store, the same colours once decoded.
/// </summary>
internal static class PngWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="width">Pixels a row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="indices">Palette indices, row by row.</param>
    /// <param name="palette">256 RGB triples (PLAYPAL's first palette).</param>
    /// <param name="note">What the renderer knows of the picture, kept in a <c>tEXt</c> chunk before the pixels.</param>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> indices, ReadOnlySpan<byte> palette, RendererNote? note = null)
    {
        if (indices.Length != width * height || palette.Length != 256 * 3)
        {
            throw new ArgumentException($"A {width}x{height} picture needs {width * height} indices and 768 palette bytes; got {indices.Length} and {palette.Length}.");
        }

        using var output = new MemoryStream(width * height / 2);
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bits per index
        header[9] = 3;  // palette colour
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering (each row says "none")
        header[12] = 0; // not interlaced
        PngChunk.Write(output, "IHDR"u8, header);
        PngChunk.Write(output, "PLTE"u8, palette);
        if (note is { } known)
        {
            known.WriteTo(output);
        }

        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true))
            {
                for (var y = 0; y < height; y++)
                {
                    zlib.WriteByte(0);
                    zlib.Write(indices.Slice(y * width, width));
                }
            }

            PngChunk.Write(output, "IDAT"u8, data.GetBuffer().AsSpan(0, (int)data.Length));
        }

        PngChunk.Write(output, "IEND"u8, []);
        return output.ToArray();
    }
}
