using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.TestSupport;

/// <summary>Writes a PWAD from named lumps, in order: just enough to feed modified levels back to the reader.</summary>
public static class WadWriter
{
    public static byte[] Write(IReadOnlyList<(string Name, byte[] Data)> lumps, string magic = "PWAD")
    {
        var dataSize = lumps.Sum(l => l.Data.Length);
        var directoryOffset = 12 + dataSize;
        var bytes = new byte[directoryOffset + (16 * lumps.Count)];
        Encoding.ASCII.GetBytes(magic).CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), lumps.Count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), directoryOffset);
        var offset = 12;
        for (var i = 0; i < lumps.Count; i++)
        {
            var (name, data) = lumps[i];
            data.CopyTo(bytes, offset);
            var entry = bytes.AsSpan(directoryOffset + (16 * i), 16);
            BinaryPrimitives.WriteInt32LittleEndian(entry, data.Length == 0 ? 0 : offset);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], data.Length);
            Encoding.ASCII.GetBytes(name).CopyTo(entry[8..]);
            offset += data.Length;
        }

        return bytes;
    }
}
