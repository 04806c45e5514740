using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.TestSupport;

/// <summary>
/// An independent, deliberately naive reading of a WAD directory (no library code), used to cross-check
/// the library's counts against lump sizes divided by record sizes.
/// </summary>
public static class RawLumps
{
    public static List<(string Name, int Offset, int Size)> Directory(byte[] wad)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(4));
        var offset = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
        var result = new List<(string, int, int)>();
        for (var i = 0; i < count; i++)
        {
            var entry = wad.AsSpan(offset + (16 * i), 16);
            var name = Encoding.ASCII.GetString(entry.Slice(8, 8)).TrimEnd('\0');
            result.Add((name, BinaryPrimitives.ReadInt32LittleEndian(entry), BinaryPrimitives.ReadInt32LittleEndian(entry[4..])));
        }

        return result;
    }

    /// <summary>The size of a level's lump, found by walking forward from the marker.</summary>
    public static int LevelLumpSize(byte[] wad, string level, string lump)
    {
        var directory = Directory(wad);
        var marker = directory.FindIndex(e => e.Name == level);
        for (var i = marker + 1; i < directory.Count && i <= marker + 12; i++)
        {
            if (directory[i].Name == lump)
            {
                return directory[i].Size;
            }
        }

        throw new InvalidOperationException($"{level} has no {lump}");
    }
}
