using System.Collections.Concurrent;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// One IWAD's levels and resources, each level's scene and map made once on first use and shared by the threads;
/// and the broken variants a glitch needs (a sidedef without its texture, a texture replaced by a checkerboard).
/// </summary>
internal sealed class EvalWad
{
    private readonly ConcurrentDictionary<string, Lazy<(RenderScene Scene, LevelMap Map)>> _levels = new(StringComparer.Ordinal);
    private readonly WadResources _iwadResources;

    /// <param name="path">The IWAD.</param>
    /// <param name="levelName">Only this level (tuning: looking into one level's findings); null: all of them.</param>
    public EvalWad(string path, string? levelName = null)
    {
        Path = path;
        Wad = WadFile.Read(File.ReadAllBytes(path));
        _iwadResources = WadResources.From(Wad);
        Resources = new ResourceSet([_iwadResources]);
        Entries = [.. LevelDirectory.Find(Wad).Where(e => levelName is null || string.Equals(e.Name, levelName, StringComparison.OrdinalIgnoreCase))];
        var colormap = Wad.Find("COLORMAP") ?? throw new InvalidOperationException($"{path} has no COLORMAP.");
        Colormaps = colormap.Data.ToArray();
        var statusBar = Resources.DecodePatch("STBAR") ?? throw new InvalidOperationException($"{path} has no STBAR.");
        StatusBar = statusBar;
    }

    public string Path { get; }

    public WadFile Wad { get; }

    public ResourceSet Resources { get; }

    public IReadOnlyList<LevelEntry> Entries { get; }

    public byte[] Colormaps { get; }

    public Doom.Graphics.IndexedImage StatusBar { get; }

    public (RenderScene Scene, LevelMap Map) Level(LevelEntry entry) => _levels.GetOrAdd(entry.Name, _ => new Lazy<(RenderScene, LevelMap)>(() =>
    {
        var scene = RenderScene.Create(LevelReader.Read(entry), Resources, entry);
        return (scene, new LevelMap(scene));
    })).Value;

    /// <summary>The level with one sidedef's middle texture gone ("-"), as a mapping error leaves it: Doom draws nothing there.</summary>
    public RenderScene WithoutMiddleTexture(LevelEntry entry, int sidedef)
    {
        var builder = new WadBuilder().Add(entry.Name, []);
        foreach (var lump in entry.Lumps)
        {
            var data = lump.Data.ToArray();
            if (lump.Name == "SIDEDEFS")
            {
                // A sidedef is 30 bytes: offsets (2+2), upper, lower, middle (8 each), sector.
                WadBuilder.WriteName(data.AsSpan((sidedef * 30) + 20), "-");
            }

            builder.Add(lump.Name, data);
        }

        var wad = WadFile.Read(builder.ToBytes());
        var changed = LevelDirectory.Find(wad).Single();
        return RenderScene.Create(LevelReader.Read(changed), Resources, changed);
    }

    /// <summary>
    /// The level with one wall texture replaced everywhere by a two-colour checkerboard of <paramref name="square"/>-texel
    /// squares, the pattern ports draw for a texture they could not load, lit by the sectors as any texture is.
    /// </summary>
    public RenderScene WithCheckerTexture(LevelEntry entry, string texture, byte colourA, byte colourB, int square)
    {
        var definition = Resources.FindTexture(texture) ?? throw new InvalidOperationException($"No texture {texture}.");
        var tile = Math.Min(2 * square, 128);
        var picture = WadBuilder.Picture(tile, tile, (x, y) => ((x / square) + (y / square)) % 2 == 0 ? colourA : colourB);
        var pwad = new WadBuilder()
            .Add("PNAMES", WadBuilder.PatchNames("EVALCHK"))
            .Add("TEXTURE1", WadBuilder.OneTexture(texture, definition.Width, definition.Height, tile, tile))
            .Add("P_START", [])
            .Add("EVALCHK", picture)
            .Add("P_END", [])
            .ToBytes();
        var resources = new ResourceSet([WadResources.From(WadFile.Read(pwad), "the checker"), _iwadResources]);
        return RenderScene.Create(LevelReader.Read(entry), resources, entry);
    }
}
