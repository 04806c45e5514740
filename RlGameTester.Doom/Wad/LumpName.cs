using System.Buffers.Binary;

namespace RlGameTester.Doom.Wad;

/// <summary>
/// Decodes the 8-byte, NUL-padded names used for lumps, textures and flats. Doom compares them
/// upper-cased and ignores anything after the first NUL, so both are normalised here.
/// </summary>
internal static class LumpName
{
    public const int Length = 8;

    /// <summary>Packs a name into a 64-bit key (upper-cased, zeroed after the first NUL).</summary>
    public static ulong Key(ReadOnlySpan<byte> name8)
    {
        Span<byte> buffer = stackalloc byte[Length];
        for (var i = 0; i < Length; i++)
        {
            var b = name8[i];
            if (b == 0)
            {
                break;
            }

            buffer[i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }

        return BinaryPrimitives.ReadUInt64LittleEndian(buffer);
    }

    public static string FromKey(ulong key)
    {
        Span<byte> buffer = stackalloc byte[Length];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, key);
        var length = buffer.IndexOf((byte)0);
        if (length < 0)
        {
            length = Length;
        }

        return System.Text.Encoding.Latin1.GetString(buffer[..length]);
    }
}
