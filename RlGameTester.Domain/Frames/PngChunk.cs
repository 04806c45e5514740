using System.Buffers.Binary;

namespace RlGameTester.Domain.Frames;

/// <summary>Writes one PNG chunk: length, type, data and the CRC-32 of type and data (PNG's own framing).</summary>
public static class PngChunk
{
    private static readonly uint[] CrcTable = MakeCrcTable();

    public static void Write(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(output);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = Update(Update(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }

    private static uint Update(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
