using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Graphics;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Resources;

/// <summary>
/// The textures, flats and patches a level can use, resolved the way modern ports do: the level's own WAD
/// first, then the IWAD it is played with. (Vanilla Doom would let a PWAD's TEXTURE1 replace the IWAD's
/// list wholesale; merging is what source ports and editors do, and what users expect.)
/// Decoding to RGB is cached; the set is safe to share between threads.
/// </summary>
public sealed class ResourceSet
{
    /// <summary>The flat Doom draws as sky.</summary>
    public const string SkyFlat = "F_SKY1";

    private readonly WadResources[] _layers;
    private readonly Dictionary<string, TextureDefinition> _textures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WadLump> _flats = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IndexedImage?> _pictureCache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WadLump> _sprites = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _cacheLock = new();

    // Built once: a shared set gives every level of its WAD the same heights.
    private readonly Lazy<TextureHeights> _textureHeights;

    /// <summary>Combines resource layers, the highest priority (the level's WAD) first.</summary>
    /// <exception cref="WadFormatException">A texture names a patch index its PNAMES does not have.</exception>
    public ResourceSet(IReadOnlyList<WadResources> layersInPriorityOrder)
    {
        ArgumentNullException.ThrowIfNull(layersInPriorityOrder);
        _layers = [.. layersInPriorityOrder];
        _textureHeights = new(() => new(
            _textures.Select(t => KeyValuePair.Create(t.Key, t.Value.Height)),
            _layers.FirstOrDefault(l => l.Textures.Count > 0)?.Textures[0].Height));
        for (var i = _layers.Length - 1; i >= 0; i--)
        {
            var layer = _layers[i];
            var patchNames = layer.PatchNames ?? FirstPatchNamesFrom(i + 1);
            var seenInLayer = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var raw in layer.Textures)
            {
                // Within one WAD the first definition of a name wins (Doom searches its texture list forwards).
                if (seenInLayer.Add(raw.Name))
                {
                    _textures[raw.Name] = Resolve(raw, patchNames, layer.Label);
                }
            }

            foreach (var (name, lump) in layer.Flats)
            {
                _flats[name] = lump;
            }

            foreach (var (name, lump) in layer.Sprites)
            {
                _sprites[name] = lump;
            }

            // Layers come in priority order; the mod's actors are those of every layer.
            Actors = layer.Actors.Merge(Actors);
        }

        foreach (var layer in _layers)
        {
            if (layer.Palette is not null)
            {
                Palette = layer.Palette;
                break;
            }
        }

        foreach (var layer in _layers)
        {
            if (layer.Colormap is { Size: >= 32 * 256 } colormap)
            {
                Colormaps = colormap.Data.ToArray();
                break;
            }
        }
    }

    public Palette? Palette { get; }

    public IReadOnlyCollection<string> TextureNames => _textures.Keys;

    /// <summary>
    /// The textures' heights for play (<see cref="Level.WithTextures"/>), with texture 0: the first of the list of the
    /// highest-priority file that has one (a PWAD's TEXTURE1 replaces its IWAD's list in Doom's engine).
    /// </summary>
    public TextureHeights TextureHeights() => _textureHeights.Value;

    public IReadOnlyCollection<string> FlatNames => _flats.Keys;

    /// <summary>
    /// COLORMAP: 256-index tables, 32 of them from full light to dark (then, in the IWADs, invulnerability and black);
    /// null when no layer has one of at least 32 tables.
    /// </summary>
    internal byte[]? Colormaps { get; }

    /// <summary>Sprite lumps (between S_START and S_END) by name, the level's WAD replacing the IWAD's.</summary>
    internal IReadOnlyDictionary<string, WadLump> SpriteLumps => _sprites;

    /// <summary>Thing types that the actor definitions in these WADs (DECORATE, ZSCRIPT, DoomEdNums) define.</summary>
    public IReadOnlySet<int> CustomThingTypes => Actors.EditorNumbers;

    /// <summary>The actor definitions of every layer.</summary>
    public ModActors Actors { get; } = ModActors.None;

    /// <summary>Resources of a level's WAD played with an IWAD. Pass the same WAD twice (or null) for IWAD levels.</summary>
    public static ResourceSet Create(WadFile levelWad, WadFile? iwad)
    {
        ArgumentNullException.ThrowIfNull(levelWad);
        if (iwad is null || ReferenceEquals(iwad, levelWad))
        {
            return new ResourceSet([WadResources.From(levelWad)]);
        }

        return new ResourceSet([WadResources.From(levelWad), WadResources.From(iwad)]);
    }

    public bool HasTexture(string name) => _textures.ContainsKey(name);

    public bool HasFlat(string name) => _flats.ContainsKey(name);

    public static bool IsSkyFlat(string name) => string.Equals(name, SkyFlat, StringComparison.OrdinalIgnoreCase);

    public TextureDefinition? FindTexture(string name) => _textures.GetValueOrDefault(name);

    /// <summary>A patch lump of this name exists in some layer.</summary>
    public bool HasPatch(string name) => FindPatchLump(name) is not null;

    /// <summary>A graphic ZDoom-family ports accept as a wall texture although TEXTUREx does not define it.</summary>
    public bool HasStandaloneGraphic(string name)
    {
        foreach (var layer in _layers)
        {
            if (layer.StandaloneTextures.ContainsKey(name) || layer.Patches.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Composes a wall texture from its patches; null when the texture is unknown.</summary>
    /// <exception cref="WadFormatException">One of its patches is damaged.</exception>
    public IndexedImage? ComposeTexture(string name)
    {
        if (FindTexture(name) is not { } texture)
        {
            return null;
        }

        var pixels = new byte[texture.Width * texture.Height];
        var opaque = new bool[pixels.Length];
        foreach (var placed in texture.Patches)
        {
            if (DecodePatch(placed.PatchName) is not { } patch)
            {
                continue;
            }

            for (var py = 0; py < patch.Height; py++)
            {
                var y = placed.OriginY + py;
                if (y < 0 || y >= texture.Height)
                {
                    continue;
                }

                for (var px = 0; px < patch.Width; px++)
                {
                    var x = placed.OriginX + px;
                    var source = (py * patch.Width) + px;
                    if (x < 0 || x >= texture.Width || (patch.Opaque is { } mask && !mask[source]))
                    {
                        continue;
                    }

                    var target = (y * texture.Width) + x;
                    pixels[target] = patch.Pixels[source];
                    opaque[target] = true;
                }
            }
        }

        var allOpaque = Array.TrueForAll(opaque, o => o);
        return new IndexedImage(texture.Width, texture.Height, pixels, allOpaque ? null : opaque);
    }

    /// <summary>Decodes a patch (picture format) by name; null when no lump has that name.</summary>
    public IndexedImage? DecodePatch(string name)
    {
        lock (_cacheLock)
        {
            if (_pictureCache.TryGetValue(name, out var cached))
            {
                return cached;
            }
        }

        var lump = FindPatchLump(name);
        var image = lump is null ? null : DoomPicture.DecodePicture(lump.Data.Span, lump.Name);
        lock (_cacheLock)
        {
            _pictureCache[name] = image;
        }

        return image;
    }

    /// <summary>Decodes a flat by name; null when unknown.</summary>
    public IndexedImage? DecodeFlat(string name) =>
        _flats.TryGetValue(name, out var lump) ? DoomPicture.DecodeFlat(lump.Data.Span, lump.Name) : null;

    /// <summary>A wall texture as RGB (transparent gaps black with alpha 0); null when unknown or without a palette.</summary>
    public RgbImage? RenderTexture(string name) => ToRgb(ComposeTexture(name));

    /// <summary>A flat as 64x64 RGB; null when unknown or without a palette.</summary>
    public RgbImage? RenderFlat(string name) => ToRgb(DecodeFlat(name));

    /// <summary>A patch or sprite as RGB; null when unknown or without a palette.</summary>
    public RgbImage? RenderPatch(string name) => ToRgb(DecodePatch(name));

    private RgbImage? ToRgb(IndexedImage? image) =>
        image is null || Palette is null ? null : image.ToRgb(Palette);

    private WadLump? FindPatchLump(string name)
    {
        foreach (var layer in _layers)
        {
            if (layer.FindPatchLump(name) is { } lump)
            {
                return lump;
            }
        }

        return null;
    }

    private string[]? FirstPatchNamesFrom(int layerIndex)
    {
        for (var i = layerIndex; i < _layers.Length; i++)
        {
            if (_layers[i].PatchNames is { } names)
            {
                return names;
            }
        }

        return null;
    }

    private static TextureDefinition Resolve(WadResources.RawTexture raw, string[]? patchNames, string label)
    {
        var patches = new TexturePatch[raw.Patches.Length];
        for (var i = 0; i < patches.Length; i++)
        {
            var p = raw.Patches[i];
            if (patchNames is null)
            {
                throw new WadFormatException($"{raw.Source}: texture \"{raw.Name}\" uses patches, but no PNAMES lump is available for {label}.");
            }

            if (p.PatchIndex < 0 || p.PatchIndex >= patchNames.Length)
            {
                throw new WadFormatException(
                    $"{raw.Source}: texture \"{raw.Name}\" uses patch number {p.PatchIndex}, but PNAMES lists only {patchNames.Length} patches.");
            }

            patches[i] = new TexturePatch(p.OriginX, p.OriginY, patchNames[p.PatchIndex]);
        }

        return new TextureDefinition(raw.Name, raw.Width, raw.Height, patches, raw.Source);
    }
}
