using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Resources;

/// <summary>Doom's 256-colour palette: the first of PLAYPAL's palettes (the others tint for damage and pickups).</summary>
public sealed class Palette
{
    private const int Size = 256 * 3;

    private Palette(byte[] colors)
    {
        Colors = colors;
    }

    /// <summary>768 bytes: R, G, B for each of the 256 indices.</summary>
    public byte[] Colors { get; }

    public static Palette Read(ReadOnlySpan<byte> playpal)
    {
        if (playpal.Length < Size)
        {
            throw new WadFormatException($"PLAYPAL is {playpal.Length} bytes long; a palette needs {Size}.");
        }

        return new Palette(playpal[..Size].ToArray());
    }
}
