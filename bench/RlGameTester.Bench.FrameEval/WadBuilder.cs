using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// Writes a small PWAD in memory: the evaluation's way to change a level or a texture the way a broken WAD or a port
/// that failed to load a resource would, and hand the result to the same readers and renderer as any WAD.
/// </summary>
internal sealed class WadBuilder
{
    private readonly List<(string Name, byte[] Data)> _lumps = [];

    public WadBuilder Add(string name, ReadOnlySpan<byte> data)
    {
        _lumps.Add((name, data.ToArray()));
        return this;
    }

    public byte[] ToBytes()
    {
        var size = 12 + _lumps.Sum(l => l.Data.Length) + (16 * _lumps.Count);
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("PWAD").CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), _lumps.Count);
        var offset = 12;
        var offsets = new int[_lumps.Count];
        for (var i = 0; i < _lumps.Count; i++)
        {
            offsets[i] = offset;
            _lumps[i].Data.CopyTo(bytes, offset);
            offset += _lumps[i].Data.Length;
        }

        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), offset);
        for (var i = 0; i < _lumps.Count; i++)
        {
            var entry = bytes.AsSpan(offset + (16 * i), 16);
            BinaryPrimitives.WriteInt32LittleEndian(entry, offsets[i]);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], _lumps[i].Data.Length);
            WriteName(entry[8..], _lumps[i].Name);
        }

        return bytes;
    }

    /// <summary>An 8-byte lump or texture name, NUL padded.</summary>
    public static void WriteName(Span<byte> target, string name)
    {
        target[..8].Clear();
        Encoding.ASCII.GetBytes(name.AsSpan(0, Math.Min(8, name.Length)), target);
    }

    /// <summary>A picture-format patch (columns of posts) of a fully opaque image at most 254 rows high.</summary>
    public static byte[] Picture(int width, int height, Func<int, int, byte> pixel)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 254);
        using var stream = new MemoryStream();
        var header = new byte[8 + (4 * width)];
        BinaryPrimitives.WriteInt16LittleEndian(header, (short)width);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(2), (short)height);
        stream.Write(header);
        for (var x = 0; x < width; x++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8 + (4 * x)), (int)stream.Position);

            // Posts of at most 128 rows; the top delta is the post's first row (below 255 here).
            for (var top = 0; top < height; top += 128)
            {
                var length = Math.Min(128, height - top);
                stream.WriteByte((byte)top);
                stream.WriteByte((byte)length);
                stream.WriteByte(0);
                for (var y = top; y < top + length; y++)
                {
                    stream.WriteByte(pixel(x, y));
                }

                stream.WriteByte(0);
            }

            stream.WriteByte(0xff);
        }

        var bytes = stream.ToArray();
        header.AsSpan(8).CopyTo(bytes.AsSpan(8));
        return bytes;
    }

    /// <summary>PNAMES with the given patch names.</summary>
    public static byte[] PatchNames(params string[] names)
    {
        var bytes = new byte[4 + (8 * names.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            WriteName(bytes.AsSpan(4 + (8 * i)), names[i]);
        }

        return bytes;
    }

    /// <summary>TEXTURE1 with one texture made of one patch (PNAMES index 0) tiled over it.</summary>
    public static byte[] OneTexture(string name, int width, int height, int patchWidth, int patchHeight)
    {
        var placements = new List<(int X, int Y)>();
        for (var y = 0; y < height; y += patchHeight)
        {
            for (var x = 0; x < width; x += patchWidth)
            {
                placements.Add((x, y));
            }
        }

        var bytes = new byte[4 + 4 + 22 + (10 * placements.Count)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 8);
        var entry = bytes.AsSpan(8);
        WriteName(entry, name);
        BinaryPrimitives.WriteInt16LittleEndian(entry[12..], (short)width);
        BinaryPrimitives.WriteInt16LittleEndian(entry[14..], (short)height);
        BinaryPrimitives.WriteInt16LittleEndian(entry[20..], (short)placements.Count);
        for (var i = 0; i < placements.Count; i++)
        {
            var patch = entry.Slice(22 + (10 * i), 10);
            BinaryPrimitives.WriteInt16LittleEndian(patch, (short)placements[i].X);
            BinaryPrimitives.WriteInt16LittleEndian(patch[2..], (short)placements[i].Y);
            BinaryPrimitives.WriteInt16LittleEndian(patch[4..], 0);
        }

        return bytes;
    }
}
