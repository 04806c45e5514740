using RlGameTester.Doom.Graphics;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;

namespace RlGameTester.Worker.Agents.Explorer.Frames;

/// <summary>
/// Draws what a player sees at a point of the path as vanilla shows it at its default screen size: a 320x168 view above
/// the 32-row status bar (the frame checks leave the bottom 32/200 out). The bar is the level's STBAR picture with STARMS
/// over its frags box, as vanilla's single player shows it, without numbers or face (the explorer has no weapon, ammo or
/// face to show); without them the rows stay palette index 0, black.
/// One per thread: it owns its renderer.
/// </summary>
internal sealed class FrameComposer
{
    public const int Width = 320;
    public const int Height = 200;
    public const int StatusBarHeight = 32;
    public const int ViewHeight = Height - StatusBarHeight;

    private readonly ViewRenderer _renderer;
    private readonly byte[] _colors;
    private readonly byte[] _statusBar = new byte[Width * StatusBarHeight];
    private readonly byte[] _frame = new byte[Width * Height];

    public FrameComposer(RenderScene scene, ResourceSet resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        _renderer = new ViewRenderer(scene, new Doom.Rendering.RenderOptions { Width = Width, Height = ViewHeight });
        _colors = resources.Palette?.Colors ?? Grey();
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

    /// <summary>Draws the view only, for its limit counts (no picture is made).</summary>
    public RenderStatistics Measure(ViewPoint view) => _renderer.Render(view).Statistics;

    /// <summary>Draws the frame and encodes it as PNG.</summary>
    public (byte[] Png, RenderStatistics Statistics) Render(ViewPoint view)
    {
        var drawn = _renderer.Render(view);
        drawn.Image.Pixels.CopyTo(_frame, 0);
        _statusBar.CopyTo(_frame, Width * ViewHeight);
        return (PngWriter.Encode(Width, Height, _frame, _colors), drawn.Statistics);
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
