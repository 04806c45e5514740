using System.Buffers.Binary;
using System.Text;

namespace RlGameTester.TestSupport;

/// <summary>A resource WAD as a map set ships one: a TEXTURE1 and PNAMES defining textures from patches another WAD holds.</summary>
public static class ResourceWad
{
    /// <summary>A PWAD defining <paramref name="texture"/> (64x128) as the one patch <paramref name="patch"/>, which the IWAD must have.</summary>
    public static byte[] WithTexture(string texture, string patch)
    {
        var pnames = new byte[4 + 8];
        BinaryPrimitives.WriteInt32LittleEndian(pnames, 1);
        Encoding.ASCII.GetBytes(patch).CopyTo(pnames, 4);

        // Count, one offset, then the texture: name, masked, width, height, column directory, patch count, one patch.
        var texture1 = new byte[4 + 4 + 22 + 10];
        BinaryPrimitives.WriteInt32LittleEndian(texture1, 1);
        BinaryPrimitives.WriteInt32LittleEndian(texture1.AsSpan(4), 8);
        Encoding.ASCII.GetBytes(texture).CopyTo(texture1, 8);
        BinaryPrimitives.WriteInt16LittleEndian(texture1.AsSpan(20), 64);
        BinaryPrimitives.WriteInt16LittleEndian(texture1.AsSpan(22), 128);
        BinaryPrimitives.WriteInt16LittleEndian(texture1.AsSpan(28), 1);
        return WadWriter.Write([("PNAMES", pnames), ("TEXTURE1", texture1)]);
    }

    /// <summary>The first patch name of a WAD's PNAMES lump (read by offsets, without the library under test).</summary>
    public static string FirstPatch(byte[] wad)
    {
        var (_, offset, _) = RawLumps.Directory(wad).First(e => e.Name == "PNAMES");
        return Encoding.ASCII.GetString(wad, offset + 4, 8).TrimEnd('\0');
    }
}
