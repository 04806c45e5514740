using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.TestSupport;

/// <summary>Small edits of real WAD files for tests: a lump added at the end gives the same levels in different bytes.</summary>
public static class WadBuilder
{
    /// <summary>The WAD with one more lump (after the existing data, with a rewritten directory at the end).</summary>
    public static byte[] WithExtraLump(byte[] wad, string name, byte[] data)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(4));
        var directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
        var entries = wad.AsSpan(directory, count * 16).ToArray();
        using var output = new MemoryStream();
        output.Write(wad, 0, directory);
        var lumpOffset = (int)output.Length;
        output.Write(data);
        var newDirectory = (int)output.Length;
        output.Write(entries);
        var entry = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(entry, lumpOffset);
        BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(4), data.Length);
        Encoding.ASCII.GetBytes(name.PadRight(8, '\0').AsSpan(0, 8), entry.AsSpan(8));
        output.Write(entry);
        var bytes = output.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), count + 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), newDirectory);
        return bytes;
    }

    /// <summary>A copy of a fixture WAD made unique by a marker lump: uploads of it never deduplicate against each other.</summary>
    public static byte[] Unique(string fixtureWad) =>
        WithExtraLump(File.ReadAllBytes(fixtureWad), "RLGTTEST", Guid.NewGuid().ToByteArray());
}
