using System.Collections.Concurrent;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>A decoded Doom picture as RGB with its mask and offsets.</summary>
internal sealed record Picture(int Width, int Height, byte[] Rgb, byte[]? Alpha, int OffsetX, int OffsetY)
{
    public bool IsOpaque(int x, int y) => Alpha is null || Alpha[(y * Width) + x] != 0;
}

/// <summary>
/// The real graphics the test frames are made of: textures, flats, sprites, menus, status bar and intermission
/// screens of Debian's freedoom WADs (<c>apt-get install -y freedoom</c>), decoded by the project's Doom library.
/// </summary>
internal sealed class DoomGraphics
{
    public const string Freedoom1Path = "/usr/share/games/doom/freedoom1.wad";
    public const string Freedoom2Path = "/usr/share/games/doom/freedoom2.wad";

    private static readonly Lazy<DoomGraphics> SharedInstance = new(() => new DoomGraphics());

    private readonly ConcurrentDictionary<string, Picture> _pictures = new(StringComparer.OrdinalIgnoreCase);

    private DoomGraphics()
    {
        Doom2 = ResourceSet.Create(Read(Freedoom2Path), null);
        Doom1 = ResourceSet.Create(Read(Freedoom1Path), null);

        // Solid wall textures only: a texture with holes on a one-sided wall is itself a rendering glitch.
        WallTextures = [.. Doom2.TextureNames
            .Where(n => !n.StartsWith("SKY", StringComparison.OrdinalIgnoreCase))
            .Where(n => Doom2.RenderTexture(n) is { Alpha: null, Width: >= 16, Height: >= 16 })
            .Order(StringComparer.Ordinal)];
        Flats = [.. Doom2.FlatNames.Where(n => !ResourceSet.IsSkyFlat(n)).Order(StringComparer.Ordinal)];
    }

    public static DoomGraphics Shared => SharedInstance.Value;

    public ResourceSet Doom2 { get; }

    public ResourceSet Doom1 { get; }

    public IReadOnlyList<string> WallTextures { get; }

    public IReadOnlyList<string> Flats { get; }

    public Picture Texture(string name) => _pictures.GetOrAdd("T:" + name, _ =>
    {
        var image = Doom2.RenderTexture(name) ?? throw new InvalidOperationException($"No texture {name}.");
        return new Picture(image.Width, image.Height, image.Rgb, image.Alpha, 0, 0);
    });

    public Picture Flat(string name) => _pictures.GetOrAdd("F:" + name, _ =>
    {
        var image = Doom2.RenderFlat(name) ?? throw new InvalidOperationException($"No flat {name}.");
        return new Picture(image.Width, image.Height, image.Rgb, null, 0, 0);
    });

    /// <summary>A patch, sprite or full-screen picture, from freedoom2 or else freedoom1.</summary>
    public Picture Patch(string name) => _pictures.GetOrAdd("P:" + name, _ =>
    {
        foreach (var set in new[] { Doom2, Doom1 })
        {
            if (set.DecodePatch(name) is { } indexed && set.RenderPatch(name) is { } rgb)
            {
                return new Picture(rgb.Width, rgb.Height, rgb.Rgb, rgb.Alpha, indexed.OffsetX, indexed.OffsetY);
            }
        }

        throw new InvalidOperationException($"No patch {name} in freedoom.");
    });

    public bool HasPatch(string name) => Doom2.HasPatch(name) || Doom1.HasPatch(name);

    private static WadFile Read(string path) =>
        File.Exists(path)
            ? WadFile.Read(File.ReadAllBytes(path))
            : throw new FileNotFoundException($"{path} is missing: install Debian's freedoom package (apt-get install -y freedoom).", path);
}
