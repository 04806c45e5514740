using RlGameTester.Doom.Graphics;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Rendering;

/// <summary>
/// Draws what a player sees at a point of a path as vanilla shows it at its default screen size: a 320x168 view above
/// the 32-row status bar (the frame checks leave the bottom 32/200 out). The bar is the level's STBAR picture with STARMS
/// over its frags box, as vanilla's single player shows it, without numbers or face (the explorer has no weapon, ammo or
/// face to show); without them the rows stay palette index 0, black. The Worker encodes these screens as a run's frames
/// and the frame evaluation checks the same screens, so both see one picture.
/// One per thread: it owns its renderer and its screen buffer.
/// </summary>
public sealed class ScreenComposer
{
    public const int Width = 320;
    public const int Height = 200;
    public const int StatusBarHeight = 32;
    public const int ViewHeight = Height - StatusBarHeight;

    private readonly ViewRenderer _renderer;
    private readonly byte[] _statusBar = new byte[Width * StatusBarHeight];
    private readonly byte[] _screen = new byte[Width * Height];

    public ScreenComposer(RenderScene scene, ResourceSet resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _renderer = new ViewRenderer(scene, new RenderOptions { Width = Width, Height = ViewHeight });
        Colors = resources.Palette?.Colors ?? Grey();
        if (resources.DecodePatch("STBAR") is { } bar)
        {
            Draw(bar, _statusBar, 0);
        }

        // ST_ARMSBGX: the weapons-owned box covers FRAGS outside deathmatch.
        if (resources.DecodePatch("STARMS") is { } arms)
        {
            Draw(arms, _statusBar, 104);
        }
    }

    /// <summary>The palette the screen's indices name (RGB triples); a grey ramp when the resources have none.</summary>
    public byte[] Colors { get; }

    /// <summary>Draws the view only, for its limit counts (no screen is made).</summary>
    public RenderStatistics Measure(ViewPoint view) => _renderer.Render(view).Statistics;

    /// <summary>Draws the screen (palette indices, 320x200); the buffer is reused by the next call.</summary>
    public (ReadOnlyMemory<byte> Screen, RenderStatistics Statistics) Compose(ViewPoint view)
    {
        var drawn = _renderer.Render(view);
        drawn.Image.Pixels.CopyTo(_screen, 0);
        _statusBar.CopyTo(_screen, Width * ViewHeight);
        return (_screen, drawn.Statistics);
    }

    /// <summary>The level's scene for a run's skill (1-5), with the lumps of its own WAD for its nodes.</summary>
    public static RenderScene SceneFor(Level level, WadFile wad, ResourceSet resources, int skill)
    {
        ArgumentNullException.ThrowIfNull(level);
        var entry = LevelDirectory.Find(wad).LastOrDefault(e => string.Equals(e.Name, level.Name, StringComparison.OrdinalIgnoreCase));
        var skills = skill switch
        {
            1 => Skills.Skill1,
            2 => Skills.Skill2,
            3 => Skills.Skill3,
            4 => Skills.Skill4,
            _ => Skills.Skill5,
        };
        return RenderScene.Create(level, resources, entry, skills);
    }

    /// <summary>A picture of the bar at its x (vanilla draws them at row 168 with their offsets), clipped to the bar.</summary>
    private static void Draw(IndexedImage picture, byte[] bar, int x0)
    {
        var left = x0 - picture.OffsetX;
        var top = -picture.OffsetY;
        for (var y = 0; y < picture.Height; y++)
        {
            var row = top + y;
            if (row is < 0 or >= StatusBarHeight)
            {
                continue;
            }

            for (var x = 0; x < picture.Width; x++)
            {
                var column = left + x;
                var i = (y * picture.Width) + x;
                if (column is >= 0 and < Width && (picture.Opaque is null || picture.Opaque[i]))
                {
                    bar[(row * Width) + column] = picture.Pixels[i];
                }
            }
        }
    }

    private static byte[] Grey()
    {
        var colors = new byte[256 * 3];
        for (var i = 0; i < colors.Length; i++)
        {
            colors[i] = (byte)(i / 3);
        }

        return colors;
    }
}
