namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>Where the player stands and looks, in cell coordinates (one cell is 64 map units).</summary>
internal readonly record struct Camera(double X, double Y, double Angle);

/// <summary>What changes from frame to frame besides the camera.</summary>
internal sealed record ViewState
{
    public int Tick { get; init; }

    /// <summary>Weapon bob in 320x200 pixels (Doom bobs while the player moves).</summary>
    public double BobX { get; init; }

    public double BobY { get; init; }

    /// <summary>View height bob in map units.</summary>
    public double ViewBob { get; init; }

    /// <summary>Doom's extralight: muzzle flashes brighten the whole view by 16 light levels per step.</summary>
    public int ExtraLight { get; init; }

    public string Weapon { get; init; } = "SHTGA0";

    /// <summary>A muzzle-flash sprite over the weapon, full bright.</summary>
    public string? Flash { get; init; }

    /// <summary>A HUD message at the top left ("PICKED UP A SHOTGUN.").</summary>
    public string? Message { get; init; }

    /// <summary>Whether strobe sectors are in their bright phase.</summary>
    public bool StrobeOn { get; init; } = true;

    /// <summary>Clear the view to this colour before drawing (<c>+r_clearbuffer</c>); null leaves the old frame (vanilla).</summary>
    public (byte R, byte G, byte B)? ClearColour { get; init; }
}

/// <summary>
/// Draws a <see cref="DoomWorld"/> the way Doom's software renderer looks: textured walls by column, floors and
/// ceilings by row, the sky fixed to the view angle, sprites, the weapon and the status bar, with Doom's light
/// levels and distance fading (32 colormap steps). Draws into a persistent buffer, so undrawn walls keep old pixels.
/// </summary>
internal sealed class SceneRenderer(DoomGraphics graphics)
{
    private const double WallHeight = 128;
    private const double EyeHeight = 41;

    private double[] _depth = [];

    public void Render(FrameBuffer frame, DoomWorld world, Camera camera, ViewState state)
    {
        var width = frame.Width;
        var viewRows = frame.ViewRows;
        if (_depth.Length != width)
        {
            _depth = new double[width];
        }

        if (state.ClearColour is { } clear)
        {
            frame.Fill(clear.R, clear.G, clear.B, 0, viewRows);
        }

        var dirX = Math.Cos(camera.Angle);
        var dirY = Math.Sin(camera.Angle);
        var planeX = -dirY;
        var planeY = dirX;
        var centreY = viewRows / 2.0;
        var half = width / 2.0;
        var viewZ = EyeHeight + state.ViewBob;
        var sky = graphics.Texture("SKY1");

        for (var x = 0; x < width; x++)
        {
            var cameraX = (2.0 * (x + 0.5) / width) - 1;
            var rayX = dirX + (planeX * cameraX);
            var rayY = dirY + (planeY * cameraX);
            var (distance, hit, front, along) = Cast(world, camera, rayX, rayY);
            var units = Math.Max(1, distance * 64);
            _depth[x] = units;
            var scale = half / units;
            var top = centreY - ((WallHeight - viewZ) * scale);
            var bottom = centreY + (viewZ * scale);

            var wallFrom = Math.Max(0, (int)Math.Ceiling(top - 0.5));
            var wallTo = Math.Min(viewRows, (int)Math.Ceiling(bottom - 0.5));
            if (hit.Kind != WallKind.Undrawn)
            {
                var light = Brightness(LightOf(front, state), units, state.ExtraLight);
                var picture = hit.Kind == WallKind.Texture ? graphics.Texture(hit.Wall) : null;
                var u = (int)Math.Floor(along * 64);
                for (var y = wallFrom; y < wallTo; y++)
                {
                    var v = (int)Math.Floor((y + 0.5 - top) / scale);
                    if (picture is null)
                    {
                        var size = hit.CheckerSize;
                        var (r, g, b) = (((u / size) + (v / size)) & 1) == 0 ? hit.CheckerA : hit.CheckerB;
                        frame.Set(x, y, FrameBuffer.Shade(r, light), FrameBuffer.Shade(g, light), FrameBuffer.Shade(b, light));
                    }
                    else
                    {
                        var s = ((Mod(v, picture.Height) * picture.Width) + Mod(u, picture.Width)) * 3;
                        frame.Set(x, y, FrameBuffer.Shade(picture.Rgb[s], light), FrameBuffer.Shade(picture.Rgb[s + 1], light),
                            FrameBuffer.Shade(picture.Rgb[s + 2], light));
                    }
                }
            }

            // Ceiling (or sky) above the wall, floor below it, one world point per pixel.
            for (var y = 0; y < Math.Min(wallFrom, viewRows); y++)
            {
                var d = (WallHeight - viewZ) * half / Math.Max(0.5, centreY - y - 0.5);
                var cell = world[(int)(camera.X + (rayX * d / 64)), (int)(camera.Y + (rayY * d / 64))];
                if (cell.Sky)
                {
                    var angle = Math.Atan2(rayY, rayX);
                    var su = Mod((int)(angle / (2 * Math.PI) * 1024), sky.Width);
                    var sv = Math.Min(sky.Height - 1, (int)((y + 0.5) * 200.0 / frame.Height));
                    var s = ((sv * sky.Width) + su) * 3;
                    frame.Set(x, y, sky.Rgb[s], sky.Rgb[s + 1], sky.Rgb[s + 2]);
                }
                else
                {
                    Plane(frame, x, y, graphics.Flat(cell.Ceiling), camera, rayX, rayY, d, Brightness(LightOf(cell, state), d, state.ExtraLight));
                }
            }

            for (var y = Math.Max(wallTo, 0); y < viewRows; y++)
            {
                var d = viewZ * half / Math.Max(0.5, y + 0.5 - centreY);
                var cell = world[(int)(camera.X + (rayX * d / 64)), (int)(camera.Y + (rayY * d / 64))];
                Plane(frame, x, y, graphics.Flat(cell.Floor), camera, rayX, rayY, d, Brightness(LightOf(cell, state), d, state.ExtraLight));
            }
        }

        DrawThings(frame, world, camera, state, dirX, dirY, planeX, planeY, centreY, viewZ);
        DrawWeapon(frame, world, camera, state);
        DrawStatusBar(frame);
        if (state.Message is { } message)
        {
            frame.Text(graphics, message, 1, 1);
        }
    }

    /// <summary>Doom's light: 16 light levels, and a colormap (of 32) that darkens with distance.</summary>
    public static double Brightness(int light, double distance, int extraLight)
    {
        var level = Math.Clamp((light >> 4) + extraLight, 0, 15);
        var start = (15 - level) * 4;
        var fade = Math.Min(23.5, 1280 / Math.Max(1, distance));
        var colormap = Math.Clamp((int)(start - fade), 0, 31);
        return (32 - colormap) / 32.0;
    }

    private static int LightOf(MapCell cell, ViewState state) =>
        cell.StrobeGroup >= 0 && !state.StrobeOn ? Math.Max(0, cell.Light - 96) : cell.Light;

    private static void Plane(FrameBuffer frame, int x, int y, Picture flat, Camera camera, double rayX, double rayY, double d, double light)
    {
        var wx = ((camera.X * 64) + (rayX * d)) % 64;
        var wy = ((camera.Y * 64) + (rayY * d)) % 64;
        var s = ((Mod((int)Math.Floor(wy), 64) * flat.Width) + Mod((int)Math.Floor(wx), 64)) * 3;
        frame.Set(x, y, FrameBuffer.Shade(flat.Rgb[s], light), FrameBuffer.Shade(flat.Rgb[s + 1], light), FrameBuffer.Shade(flat.Rgb[s + 2], light));
    }

    private static (double Distance, MapCell Hit, MapCell Front, double Along) Cast(DoomWorld world, Camera camera, double rayX, double rayY)
    {
        var mapX = (int)camera.X;
        var mapY = (int)camera.Y;
        var deltaX = rayX == 0 ? 1e30 : Math.Abs(1 / rayX);
        var deltaY = rayY == 0 ? 1e30 : Math.Abs(1 / rayY);
        var stepX = rayX < 0 ? -1 : 1;
        var stepY = rayY < 0 ? -1 : 1;
        var sideX = rayX < 0 ? (camera.X - mapX) * deltaX : (mapX + 1.0 - camera.X) * deltaX;
        var sideY = rayY < 0 ? (camera.Y - mapY) * deltaY : (mapY + 1.0 - camera.Y) * deltaY;
        var side = 0;
        for (var guard = 0; guard < 4 * world.Size; guard++)
        {
            if (sideX < sideY)
            {
                sideX += deltaX;
                mapX += stepX;
                side = 0;
            }
            else
            {
                sideY += deltaY;
                mapY += stepY;
                side = 1;
            }

            if (world[mapX, mapY].Solid)
            {
                break;
            }
        }

        var distance = side == 0 ? sideX - deltaX : sideY - deltaY;
        var along = side == 0 ? camera.Y + (distance * rayY) : camera.X + (distance * rayX);
        var front = side == 0 ? world[mapX - stepX, mapY] : world[mapX, mapY - stepY];
        return (distance, world[mapX, mapY], front, along);
    }

    private void DrawThings(FrameBuffer frame, DoomWorld world, Camera camera, ViewState state, double dirX, double dirY, double planeX,
        double planeY, double centreY, double viewZ)
    {
        var half = frame.Width / 2.0;
        var inverse = 1 / ((planeX * dirY) - (dirX * planeY));
        foreach (var thing in world.Things.OrderByDescending(t => Math.Pow(t.X - camera.X, 2) + Math.Pow(t.Y - camera.Y, 2)))
        {
            var relX = thing.X - camera.X;
            var relY = thing.Y - camera.Y;
            var across = inverse * ((dirY * relX) - (dirX * relY));
            var ahead = inverse * ((-planeY * relX) + (planeX * relY));
            if (ahead <= 0.1)
            {
                continue;
            }

            var sprite = graphics.Patch(thing.Sprite);
            var units = ahead * 64;
            var scale = half / units;
            var screenX = half * (1 + (across / ahead));
            var left = screenX - (sprite.OffsetX * scale);
            var top = centreY + (viewZ * scale) - (sprite.OffsetY * scale);
            var light = Brightness(LightOf(world[(int)thing.X, (int)thing.Y], state), units, state.ExtraLight);
            var x0 = Math.Max(0, (int)Math.Ceiling(left));
            var x1 = Math.Min(frame.Width, (int)Math.Ceiling(left + (sprite.Width * scale)));
            var y0 = Math.Max(0, (int)Math.Ceiling(top));
            var y1 = Math.Min(frame.ViewRows, (int)Math.Ceiling(top + (sprite.Height * scale)));
            for (var x = x0; x < x1; x++)
            {
                if (_depth[x] <= units)
                {
                    continue;
                }

                var px = Math.Min(sprite.Width - 1, (int)((x - left) / scale));
                for (var y = y0; y < y1; y++)
                {
                    var py = Math.Min(sprite.Height - 1, (int)((y - top) / scale));
                    if (!sprite.IsOpaque(px, py))
                    {
                        continue;
                    }

                    var s = ((py * sprite.Width) + px) * 3;
                    frame.Set(x, y, FrameBuffer.Shade(sprite.Rgb[s], light), FrameBuffer.Shade(sprite.Rgb[s + 1], light),
                        FrameBuffer.Shade(sprite.Rgb[s + 2], light));
                }
            }
        }
    }

    private void DrawWeapon(FrameBuffer frame, DoomWorld world, Camera camera, ViewState state)
    {
        // Doom lights the weapon with the player's sector at the nearest distance (the brightest colormap of the light level).
        var light = Brightness(LightOf(world[(int)camera.X, (int)camera.Y], state), 1, state.ExtraLight);
        var x = 1 + state.BobX;
        var y = 32 + state.BobY;
        frame.Blit(graphics.Patch(state.Weapon), x, y, light, clipRows: frame.ViewRows);
        if (state.Flash is { } flash)
        {
            frame.Blit(graphics.Patch(flash), x, y, 1, clipRows: frame.ViewRows);
        }
    }

    private void DrawStatusBar(FrameBuffer frame)
    {
        frame.Blit(graphics.Patch("STBAR"), 0, 168, useOffsets: false);
        frame.Blit(graphics.Patch("STFST01"), 143, 168);
    }

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
