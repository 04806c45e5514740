using System.Buffers.Binary;
using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Resources;

/// <summary>
/// The graphics resources one WAD provides: palette, PNAMES, TEXTURE1/TEXTURE2, flats, patches, ZDoom
/// stand-alone textures and DECORATE editor numbers. Build it once per WAD (an IWAD's can be shared by
/// every level checked against it) and combine layers in a <see cref="ResourceSet"/>.
/// </summary>
public sealed class WadResources
{
    private const int TextureHeaderSize = 22;
    private const int TexturePatchSize = 10;

    private WadResources(
        WadFile wad,
        string label,
        Palette? palette,
        string[]? patchNames,
        List<RawTexture> textures,
        Dictionary<string, WadLump> flats,
        Dictionary<string, WadLump> patches,
        Dictionary<string, WadLump> standaloneTextures,
        Dictionary<string, WadLump> sprites,
        WadLump? colormap,
        ModActors actors)
    {
        Wad = wad;
        Label = label;
        Palette = palette;
        PatchNames = patchNames;
        Textures = textures;
        Flats = flats;
        Patches = patches;
        StandaloneTextures = standaloneTextures;
        Sprites = sprites;
        Colormap = colormap;
        Actors = actors;
    }

    public WadFile Wad { get; }

    /// <summary>A name for messages, e.g. "freedoom2.wad (IWAD)".</summary>
    public string Label { get; }

    public Palette? Palette { get; }

    /// <summary>PNAMES of this WAD, or null when it has none (its textures then use a lower layer's).</summary>
    internal string[]? PatchNames { get; }

    internal List<RawTexture> Textures { get; }

    internal Dictionary<string, WadLump> Flats { get; }

    internal Dictionary<string, WadLump> Patches { get; }

    internal Dictionary<string, WadLump> StandaloneTextures { get; }

    /// <summary>The WAD's actor definitions (DECORATE, ZSCRIPT, MAPINFO's DoomEdNums).</summary>
    public ModActors Actors { get; }

    /// <summary>Lumps between the sprite markers, by name.</summary>
    internal Dictionary<string, WadLump> Sprites { get; }

    /// <summary>The COLORMAP lump (light and effect tables), when the WAD has one outside every namespace.</summary>
    internal WadLump? Colormap { get; }

    /// <summary>Indexes a WAD's resources.</summary>
    /// <param name="wad">The WAD.</param>
    /// <param name="label">How messages should name it (defaults to "IWAD"/"PWAD").</param>
    /// <exception cref="WadFormatException">PLAYPAL, PNAMES or a TEXTUREx lump is malformed.</exception>
    public static WadResources From(WadFile wad, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(wad);
        label ??= wad.Kind == WadKind.Iwad ? "the IWAD" : "the PWAD";
        var playpal = wad.Find("PLAYPAL");
        var palette = playpal is null ? null : Palette.Read(playpal.Data.Span);
        var pnames = wad.Find("PNAMES");
        var patchNames = pnames is null ? null : ReadPatchNames(pnames, label);

        var textures = new List<RawTexture>();
        foreach (var lumpName in new[] { "TEXTURE1", "TEXTURE2" })
        {
            if (wad.Find(lumpName) is { } lump)
            {
                ReadTextures(lump, $"{lumpName} of {label}", textures);
            }
        }

        var flats = new Dictionary<string, WadLump>(StringComparer.OrdinalIgnoreCase);
        var patches = new Dictionary<string, WadLump>(StringComparer.OrdinalIgnoreCase);
        var standalone = new Dictionary<string, WadLump>(StringComparer.OrdinalIgnoreCase);
        var sprites = new Dictionary<string, WadLump>(StringComparer.OrdinalIgnoreCase);
        WadLump? colormap = null;
        foreach (var lump in wad.Lumps)
        {
            // Later lumps replace earlier ones of the same name, as Doom's backwards directory search does.
            switch (lump.Namespace)
            {
                case WadNamespace.Flats:
                    flats[lump.Name] = lump;
                    break;
                case WadNamespace.Patches:
                    patches[lump.Name] = lump;
                    break;
                case WadNamespace.Textures:
                    standalone[lump.Name] = lump;
                    break;
                case WadNamespace.Sprites:
                    sprites[lump.Name] = lump;
                    break;
                case WadNamespace.Global when string.Equals(lump.Name, "COLORMAP", StringComparison.OrdinalIgnoreCase):
                    colormap = lump;
                    break;
            }
        }

        return new WadResources(wad, label, palette, patchNames, textures, flats, patches, standalone, sprites, colormap, WadActors.Read(wad));
    }

    /// <summary>Finds a patch lump: the patch namespace first, then any lump of the name (as vanilla does).</summary>
    internal WadLump? FindPatchLump(string name) =>
        Patches.TryGetValue(name, out var lump) ? lump : Wad.Find(name) is { Size: > 0 } any ? any : null;

    private static string[] ReadPatchNames(WadLump lump, string label)
    {
        var data = lump.Data.Span;
        if (data.Length < 4)
        {
            throw new WadFormatException($"PNAMES of {label} is {data.Length} bytes long, too short for its count.");
        }

        long count = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (count < 0 || 4 + (count * 8) > data.Length)
        {
            throw new WadFormatException(
                $"PNAMES of {label} claims {count} patch names, which need {4 + (count * 8)} bytes; the lump has {data.Length}.");
        }

        var names = new string[count];
        var cache = new NameCache();
        for (var i = 0; i < count; i++)
        {
            names[i] = cache.Get(data.Slice(4 + (i * 8), 8));
        }

        return names;
    }

    private static void ReadTextures(WadLump lump, string source, List<RawTexture> textures)
    {
        var data = lump.Data.Span;
        if (data.Length < 4)
        {
            throw new WadFormatException($"{source} is {data.Length} bytes long, too short for its texture count.");
        }

        long count = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (count < 0 || 4 + (count * 4) > data.Length)
        {
            throw new WadFormatException(
                $"{source} claims {count} textures, whose offsets alone need {4 + (count * 4)} bytes; the lump has {data.Length}.");
        }

        var names = new NameCache();
        for (var i = 0; i < count; i++)
        {
            long offset = BinaryPrimitives.ReadInt32LittleEndian(data[(4 + (i * 4))..]);
            if (offset < 0 || offset + TextureHeaderSize > data.Length)
            {
                throw new WadFormatException(
                    $"{source}: texture entry {i} starts at offset {offset}, outside the lump ({data.Length} bytes).");
            }

            var entry = data[(int)offset..];
            var name = names.Get(entry[..8]);
            int width = BinaryPrimitives.ReadInt16LittleEndian(entry[12..]);
            int height = BinaryPrimitives.ReadInt16LittleEndian(entry[14..]);
            int patchCount = BinaryPrimitives.ReadInt16LittleEndian(entry[20..]);
            if (width <= 0 || height <= 0)
            {
                throw new WadFormatException($"{source}: texture \"{name}\" (entry {i}) has an impossible size of {width}x{height}.");
            }

            if (patchCount < 0 || offset + TextureHeaderSize + ((long)patchCount * TexturePatchSize) > data.Length)
            {
                throw new WadFormatException(
                    $"{source}: texture \"{name}\" (entry {i}) lists {patchCount} patches, which run past the end of the lump ({data.Length} bytes).");
            }

            var patches = new RawPatch[patchCount];
            for (var p = 0; p < patchCount; p++)
            {
                var patch = entry.Slice(TextureHeaderSize + (p * TexturePatchSize), TexturePatchSize);
                patches[p] = new RawPatch(
                    BinaryPrimitives.ReadInt16LittleEndian(patch),
                    BinaryPrimitives.ReadInt16LittleEndian(patch[2..]),
                    BinaryPrimitives.ReadInt16LittleEndian(patch[4..]));
            }

            textures.Add(new RawTexture(name, width, height, patches, source));
        }
    }

    internal readonly record struct RawPatch(int OriginX, int OriginY, int PatchIndex);

    internal sealed record RawTexture(string Name, int Width, int Height, RawPatch[] Patches, string Source);
}
