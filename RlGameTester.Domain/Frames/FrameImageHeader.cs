using System.Buffers.Binary;

namespace RlGameTester.Domain.Frames;

/// <summary>
/// Reads a frame's encoding and size from its first bytes, and checks that it is complete, without decoding it: cheap
/// enough for every frame, and it lets a caller refuse a huge picture before a decoder allocates it.
/// </summary>
public static class FrameImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The frame's kind and size, or null with the reason (<paramref name="problem"/>, phrased to follow a file name:
    /// "is not a PNG or JPEG image").
    /// </summary>
    public static FrameImageInfo? Read(ReadOnlySpan<byte> bytes, out string? problem)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return ReadPng(bytes, out problem);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ReadJpeg(bytes, out problem);
        }

        problem = bytes.IsEmpty ? "is empty." : "is not a PNG or JPEG image (neither signature is at its start).";
        return null;
    }

    private static FrameImageInfo? ReadPng(ReadOnlySpan<byte> bytes, out string? problem)
    {
        // Signature, then the IHDR chunk: length 13, type, width, height (big-endian).
        if (bytes.Length < 33 || !bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            problem = "is a PNG without its IHDR header.";
            return null;
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes[20..]);
        if (width <= 0 || height <= 0)
        {
            problem = $"is a PNG with an impossible size ({width}x{height}).";
            return null;
        }

        // A file cut short (an agent killed while writing) has no IEND chunk at its end.
        if (bytes[Math.Max(0, bytes.Length - 64)..].IndexOf("IEND"u8) < 0)
        {
            problem = "is a truncated PNG (no IEND chunk at its end).";
            return null;
        }

        problem = null;
        return new FrameImageInfo(FrameImageKind.Png, width, height);
    }

    private static FrameImageInfo? ReadJpeg(ReadOnlySpan<byte> bytes, out string? problem)
    {
        var size = JpegSize(bytes);
        if (size is not var (width, height))
        {
            problem = "is a JPEG without a readable frame header (SOF).";
            return null;
        }

        if (width <= 0 || height <= 0)
        {
            problem = $"is a JPEG with an impossible size ({width}x{height}).";
            return null;
        }

        // Decoders fill a JPEG cut short with grey rather than fail: its end-of-image marker is the only sign.
        if (bytes[Math.Max(0, bytes.Length - 32)..].IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) < 0)
        {
            problem = "is a truncated JPEG (no end-of-image marker at its end).";
            return null;
        }

        problem = null;
        return new FrameImageInfo(FrameImageKind.Jpeg, width, height);
    }

    /// <summary>Walks the marker segments up to the first start-of-frame, whose header holds the size.</summary>
    private static (int Width, int Height)? JpegSize(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 4 <= bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++; // Fill byte.
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2; // Markers without a length.
                continue;
            }

            if (marker is 0xDA or 0xD9)
            {
                return null; // Scan data or the end before any frame header.
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            var isFrameHeader = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrameHeader)
            {
                if (i + 9 > bytes.Length || length < 7)
                {
                    return null;
                }

                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }
}
