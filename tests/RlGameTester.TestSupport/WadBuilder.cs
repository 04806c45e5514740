using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.TestSupport;

/// <summary>
/// Small edits of real WAD files for tests: a lump added at the end gives the same levels in different bytes; directories
/// that point several entries at the same bytes make the hostile files the level limits refuse.
/// </summary>
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

    /// <summary>
    /// The WAD's whole directory repeated <paramref name="times"/> times over the same bytes, the first entry of each copy
    /// (a one-level WAD's marker) renamed by <paramref name="marker"/>: that many levels, all reading one level's lumps.
    /// </summary>
    public static byte[] RepeatedDirectory(byte[] wad, int times, Func<int, string> marker)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(4));
        var directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
        var entries = wad.AsSpan(directory, count * 16).ToArray();
        using var output = new MemoryStream();
        output.Write(wad, 0, directory);
        for (var copy = 0; copy < times; copy++)
        {
            var entriesCopy = (byte[])entries.Clone();
            Name(entriesCopy.AsSpan(0, 16), marker(copy));
            output.Write(entriesCopy);
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), count * times);
        return bytes;
    }

    /// <summary>The WAD with one more directory entry, <paramref name="name"/>, over the bytes of the first entry named <paramref name="aliasOf"/>.</summary>
    public static byte[] WithAlias(byte[] wad, string name, string aliasOf)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(4));
        var directory = BinaryPrimitives.ReadInt32LittleEndian(wad.AsSpan(8));
        // The directory must end the file, so the new entry right after it extends it.
        if (directory + (16 * count) != wad.Length)
        {
            throw new ArgumentException("the directory is not at the end of the file", nameof(wad));
        }

        var bytes = new byte[wad.Length + 16];
        wad.CopyTo(bytes, 0);
        for (var i = 0; i < count; i++)
        {
            var entry = bytes.AsSpan(directory + (16 * i), 16);
            if (Encoding.ASCII.GetString(entry[8..]).TrimEnd('\0') == aliasOf)
            {
                var alias = bytes.AsSpan(wad.Length, 16);
                entry[..8].CopyTo(alias);
                Name(alias, name);
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), count + 1);
                return bytes;
            }
        }

        throw new ArgumentException($"no lump named {aliasOf}", nameof(aliasOf));
    }

    private static void Name(Span<byte> entry, string name)
    {
        entry[8..].Clear();
        Encoding.ASCII.GetBytes(name.AsSpan(0, Math.Min(8, name.Length)), entry[8..]);
    }
}
