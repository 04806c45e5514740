using RlGameTester.Doom.Rendering;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// Draws what a player sees at one tic: the 3D view (320x168, Doom's view with the status bar up) from the renderer,
/// the pistol lit by the sector as Doom lights a player's weapon, bobbing with the speed, and freedoom's STBAR under
/// it; then the palette turns it into the BGR frame the checks take. One per thread.
/// </summary>
internal sealed class FrameComposer
{
    public const int Width = 320;
    public const int Height = 200;
    public const int ViewHeight = 168;
    private readonly EvalWad _wad;
    private readonly Doom.Graphics.IndexedImage? _weapon;

    public FrameComposer(EvalWad wad)
    {
        _wad = wad;
        _weapon = wad.Resources.DecodePatch("PISGA0");
    }

    public static RenderOptions Options { get; } = new() { Width = Width, Height = ViewHeight };

    /// <summary>The view's palette indices at the camera, the eye bobbing as Doom bobs it.</summary>
    public static byte[] View(ViewRenderer renderer, LevelMap map, Camera camera, int tick)
    {
        var bob = Math.Min(16, camera.Speed * camera.Speed / 4);
        var floor = map.FloorAt(camera.X, camera.Y);
        var ceiling = map.CeilingAt(camera.X, camera.Y);
        var eye = Math.Min(ceiling - 4, floor + RenderScene.EyeHeight + (bob / 2 * Math.Sin(tick * 2 * Math.PI / 20)));
        return (byte[])renderer.Render(new ViewPoint(camera.X, camera.Y, camera.Angle, eye)).Image.Pixels.Clone();
    }

    /// <summary>Adds the weapon and the status bar to a view and converts the whole screen to BGR.</summary>
    public byte[] Compose(byte[] view, LevelMap map, Camera camera, int tick)
    {
        var screen = new byte[Width * Height];
        view.AsSpan(0, Width * ViewHeight).CopyTo(screen);
        DrawWeapon(screen, map, camera, tick);
        var bar = _wad.StatusBar;
        for (var y = 0; y < Math.Min(bar.Height, Height - ViewHeight); y++)
        {
            for (var x = 0; x < Math.Min(bar.Width, Width); x++)
            {
                screen[((ViewHeight + y) * Width) + x] = bar.Pixels[(y * bar.Width) + x];
            }
        }

        return ToBgr(screen);
    }

    public byte[] ToBgr(ReadOnlySpan<byte> screen)
    {
        var bgr = new byte[screen.Length * 3];
        ToBgr(screen, _wad.Resources.Palette!.Colors, bgr);
        return bgr;
    }

    /// <summary>Palette indices to BGR through a palette of RGB triples (the explorer paths' screens too).</summary>
    public static void ToBgr(ReadOnlySpan<byte> screen, ReadOnlySpan<byte> palette, Span<byte> bgr)
    {
        for (var i = 0; i < screen.Length; i++)
        {
            var c = screen[i] * 3;
            bgr[i * 3] = palette[c + 2];
            bgr[(i * 3) + 1] = palette[c + 1];
            bgr[(i * 3) + 2] = palette[c];
        }
    }

    /// <summary>A palette index's colour as BGR.</summary>
    public (byte B, byte G, byte R) Colour(byte index)
    {
        var palette = _wad.Resources.Palette!.Colors;
        return (palette[(index * 3) + 2], palette[(index * 3) + 1], palette[index * 3]);
    }

    // Doom's psprite: x = 1 - leftoffset + bob cos, y = 16 - topoffset + bob |sin| (sx 1, sy 32 at 160x100 centre,
    // 84 with the status bar); the colormap is the sector light's at the nearest scale.
    private void DrawWeapon(byte[] screen, LevelMap map, Camera camera, int tick)
    {
        if (_weapon is null)
        {
            return;
        }

        var bob = Math.Min(16, camera.Speed * camera.Speed / 4);
        var phase = tick * 128 * 2 * Math.PI / 8192;
        var x0 = (int)(1 - _weapon.OffsetX + (bob * Math.Cos(phase)));
        var y0 = (int)(16 + (ViewHeight - 168) - _weapon.OffsetY + 32 + (bob * Math.Abs(Math.Sin(phase)))) - 32;
        var light = map.Light(map.SectorAt(camera.X, camera.Y));
        var colormap = Math.Clamp(((15 - Math.Clamp(light >> 4, 0, 15)) * 4) - 23, 0, 31);
        var table = _wad.Colormaps.AsSpan(colormap * 256, 256);
        for (var y = 0; y < _weapon.Height; y++)
        {
            var sy = y0 + y;
            if (sy < 0 || sy >= ViewHeight)
            {
                continue;
            }

            for (var x = 0; x < _weapon.Width; x++)
            {
                var sx = x0 + x;
                var source = (y * _weapon.Width) + x;
                if (sx < 0 || sx >= Width || (_weapon.Opaque is { } mask && !mask[source]))
                {
                    continue;
                }

                screen[(sy * Width) + sx] = table[_weapon.Pixels[source]];
            }
        }
    }
}
