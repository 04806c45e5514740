using System.Buffers.Binary;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Graphics;

/// <summary>
/// Decodes Doom's graphics: the column-based picture format of patches and sprites, and raw 64x64 flats.
/// Every offset is bounds-checked, so a damaged lump gives a <see cref="WadFormatException"/> that names it.
/// </summary>
public static class DoomPicture
{
    private const int MaxDimension = 4096;

    /// <summary>
    /// Decodes a picture-format lump (patch, sprite). Columns are lists of posts; a post starting at or above
    /// the previous one is read as relative (DeePsea "tall patch" convention), as modern ports do.
    /// </summary>
    public static IndexedImage DecodePicture(ReadOnlySpan<byte> data, string lumpName)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual("\x89PNG\r\n\x1A\n"u8))
        {
            throw new WadFormatException($"Graphic {Quote(lumpName)} is a PNG image; only Doom's picture format is supported.");
        }

        if (data.Length < 8)
        {
            throw new WadFormatException($"Graphic {Quote(lumpName)} is {data.Length} bytes long, too short for a picture header (8 bytes).");
        }

        int width = BinaryPrimitives.ReadInt16LittleEndian(data);
        int height = BinaryPrimitives.ReadInt16LittleEndian(data[2..]);
        int left = BinaryPrimitives.ReadInt16LittleEndian(data[4..]);
        int top = BinaryPrimitives.ReadInt16LittleEndian(data[6..]);
        if (width <= 0 || height <= 0 || width > MaxDimension || height > MaxDimension)
        {
            throw new WadFormatException($"Graphic {Quote(lumpName)} claims an impossible size of {width}x{height}.");
        }

        if (8 + (4L * width) > data.Length)
        {
            throw new WadFormatException(
                $"Graphic {Quote(lumpName)} is truncated: its {width} column offsets need {8 + (4 * width)} bytes, the lump has {data.Length}.");
        }

        var pixels = new byte[width * height];
        var opaque = new bool[width * height];
        for (var x = 0; x < width; x++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (4 * x))..]);
            DecodeColumn(data, offset, x, width, height, pixels, opaque, lumpName);
        }

        return new IndexedImage(width, height, pixels, opaque, left, top);
    }

    /// <summary>Decodes a flat: 64x64 palette indices (larger square flats of some ports are read whole).</summary>
    public static IndexedImage DecodeFlat(ReadOnlySpan<byte> data, string lumpName)
    {
        var size = data.Length switch
        {
            >= 256 * 256 => 256,
            >= 128 * 128 => 128,
            >= 64 * 64 => 64,
            _ => 0,
        };
        if (size == 0)
        {
            throw new WadFormatException($"Flat {Quote(lumpName)} is {data.Length} bytes long; a flat needs 4096 (64x64).");
        }

        return new IndexedImage(size, size, data[..(size * size)].ToArray(), null);
    }

    private static void DecodeColumn(
        ReadOnlySpan<byte> data, uint offset, int x, int width, int height, byte[] pixels, bool[] opaque, string lumpName)
    {
        var position = (long)offset;
        var top = -1;

        // Each post moves at least 4 bytes on, so the loop ends within the lump even for crafted data.
        while (true)
        {
            if (position >= data.Length)
            {
                throw new WadFormatException(
                    $"Graphic {Quote(lumpName)}: column {x} runs past the end of the lump (offset {position}, lump size {data.Length}).");
            }

            int topDelta = data[(int)position];
            if (topDelta == 0xFF)
            {
                return;
            }

            if (position + 3 > data.Length)
            {
                throw new WadFormatException($"Graphic {Quote(lumpName)}: a post of column {x} is cut off at offset {position}.");
            }

            int length = data[(int)position + 1];
            top = topDelta <= top ? top + topDelta : topDelta;
            var start = position + 3;
            if (start + length > data.Length)
            {
                throw new WadFormatException(
                    $"Graphic {Quote(lumpName)}: a post of column {x} needs {length} pixels at offset {start}, past the end of the lump ({data.Length} bytes).");
            }

            for (var i = 0; i < length; i++)
            {
                var y = top + i;
                if (y >= 0 && y < height)
                {
                    var index = (y * width) + x;
                    pixels[index] = data[(int)start + i];
                    opaque[index] = true;
                }
            }

            position = start + length + 1;
        }
    }

    private static string Quote(string name) => $"\"{name}\"";
}
