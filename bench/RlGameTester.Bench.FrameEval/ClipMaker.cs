using RlGameTester.Analysis.Frames;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// Makes the evaluation's clips from one IWAD's levels: clean play in lit, dim, dark and very dark sectors, walking,
/// strafing, turning slowly and fast, close to busy walls, and standing; and the same play with one glitch injected as
/// engines produce it. One per thread (it owns a composer); clips depend only on the random source given.
/// </summary>
internal sealed class ClipMaker(EvalWad wad)
{
    /// <summary>Clean categories: which sectors they start in and how the player moves.</summary>
    public static readonly string[] CleanCategories = ["lit-walk", "lit-strafe", "dim-turn", "fast-turn", "close-wall", "dark", "very-dark", "standing"];

    /// <summary>Glitch categories, named by the check that should find them (HOM is drawn by the renderer: a wall without its texture).</summary>
    public static readonly string[] GlitchCategories = [.. FrameCheckNames.All];

    private const int MinVisiblePixels = FrameComposer.Width * FrameComposer.ViewHeight / 50;
    private readonly FrameComposer _composer = new(wad);

    public EvalClip Clean(string category, Random rng)
    {
        var light = CleanLight(category);
        return category switch
        {
            "lit-walk" => Play(rng, category, light, Motion.Walk),
            "lit-strafe" => Play(rng, category, light, Motion.Strafe),
            "dim-turn" => Play(rng, category, light, Motion.TurnSlow),
            "fast-turn" => Play(rng, category, light, Motion.TurnFast),
            "close-wall" => Play(rng, category, light, Pick(rng, [Motion.TurnSlow, Motion.Strafe]), wallWithin: (32, 112)),
            "dark" => Play(rng, category, light, Pick(rng, [Motion.Walk, Motion.Strafe, Motion.TurnSlow, Motion.WalkTurn])),
            "very-dark" => Play(rng, category, light, Pick(rng, [Motion.Walk, Motion.Strafe, Motion.TurnSlow, Motion.WalkTurn])),
            "standing" => Play(rng, category, light, Motion.Stand),
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown clean category."),
        };
    }

    /// <summary>
    /// Whether some level of the IWAD has a sector with the category's light and headroom, so its clips can be drawn
    /// (FreeDM has no sector of light 41-64: no "dark" clips there). Glitch categories play in any light.
    /// </summary>
    public static bool CanDraw(EvalWad wad, string category) => !CleanCategories.Contains(category)
        || wad.Entries.Any(e => wad.Level(e).Map is var map
            && Enumerable.Range(0, map.Level.Sectors.Length).Any(s => CleanLight(category)(map.Light(s)) && map.HasHeadroom(s)));

    /// <summary>The sector lights a clean category starts in.</summary>
    private static Func<int, bool> CleanLight(string category) => category switch
    {
        "lit-walk" or "lit-strafe" => l => l >= 160,
        "dim-turn" => l => l is >= 80 and < 160,
        "fast-turn" => l => l >= 96,
        "close-wall" => l => l >= 128,
        "dark" => l => l is > 40 and <= 64,
        "very-dark" => l => l <= 40,
        "standing" => _ => true,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown clean category."),
    };

    public EvalClip Glitched(string check, Random rng)
    {
        return check switch
        {
            FrameCheckNames.BlackFrame => Replaced(rng, check, 1 + rng.Next(3), Black),
            FrameCheckNames.BlankFrame => Replaced(rng, check, 1 + rng.Next(3), Blank),
            FrameCheckNames.FrozenVideo => Frozen(rng),
            FrameCheckNames.HallOfMirrors => Undrawn(rng, check, clearColour: false),
            FrameCheckNames.ClearColourFill => Undrawn(rng, check, clearColour: true),
            FrameCheckNames.MissingTexture => Checker(rng),
            FrameCheckNames.Flicker => Flicker(rng),
            FrameCheckNames.Noise => Replaced(rng, check, 1 + rng.Next(2), Noise),
            _ => throw new ArgumentOutOfRangeException(nameof(check), check, "Unknown check."),
        };
    }

    // ---- Clean play --------------------------------------------------------------------------------------------

    private EvalClip Play(Random rng, string category, Func<int, bool> light, Motion motion, (double Min, double Max)? wallWithin = null,
        string? check = null, int frames = 24)
    {
        var (entry, scene, map, camera) = Spot(rng, light, wallWithin ?? (96, double.MaxValue));
        var clip = new EvalClip(category, check, entry.Name, map.Light(map.SectorAt(camera.X, camera.Y)));
        var mover = new Mover(map, motion, rng);
        var renderer = new ViewRenderer(scene, FrameComposer.Options);
        var step = 1 + rng.Next(2);
        var tick = rng.Next(35, 20000);
        for (var i = 0; i < frames; i++)
        {
            var view = FrameComposer.View(renderer, map, camera, tick);
            clip.Frames.Add(new EvalFrame(tick, _composer.Compose(view, map, camera, tick), mover.Acting));
            for (var t = 0; t < step; t++)
            {
                camera = mover.Advance(camera);
            }

            tick += step;
        }

        return clip;
    }

    /// <summary>
    /// A random standing place in a sector whose light passes the filter, facing a direction whose first one-sided
    /// wall is within the given distance (far enough to walk for ordinary play, near for busy walls and glitches).
    /// </summary>
    private (LevelEntry Entry, RenderScene Scene, LevelMap Map, Camera Camera) Spot(Random rng, Func<int, bool> light, (double Min, double Max) wall)
    {
        for (var attempt = 0; attempt < 4000; attempt++)
        {
            var entry = wad.Entries[rng.Next(wad.Entries.Count)];
            var (scene, map) = wad.Level(entry);
            var sectors = Enumerable.Range(0, map.Level.Sectors.Length).Where(s => light(map.Light(s)) && map.HasHeadroom(s)).ToList();
            if (sectors.Count == 0)
            {
                continue;
            }

            var sector = sectors[rng.Next(sectors.Count)];
            var (minX, minY, maxX, maxY) = map.Bounds(sector);
            for (var tries = 0; tries < 12; tries++)
            {
                var x = minX + (rng.NextDouble() * (maxX - minX));
                var y = minY + (rng.NextDouble() * (maxY - minY));
                if (map.SectorAt(x, y) != sector || !map.CanStand(x, y))
                {
                    continue;
                }

                var angle = rng.NextDouble() * 360;
                var ahead = map.WallAhead(x, y, angle, 4096)?.Distance ?? 4096;
                if (ahead >= wall.Min && ahead <= wall.Max)
                {
                    return (entry, scene, map, new Camera(x, y, angle, 0));
                }
            }
        }

        throw new InvalidOperationException($"{wad.Path}: no standing place found for a clip.");
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];

    private static bool AnyLight(int light) => true;

    private static Motion AnyMotion(Random rng) => Pick(rng, [Motion.Walk, Motion.Strafe, Motion.TurnSlow, Motion.TurnFast, Motion.WalkTurn]);

    // ---- Glitches over whole frames ----------------------------------------------------------------------------

    /// <summary>Play anywhere (any light, dark rooms included) with <paramref name="count"/> frames in the middle changed.</summary>
    private EvalClip Replaced(Random rng, string check, int count, Action<Random, EvalFrame> change)
    {
        var clip = Play(rng, "glitch:" + check, AnyLight, AnyMotion(rng), check: check);
        var start = rng.Next(3, clip.Frames.Count - count - 3);
        for (var i = start; i < start + count; i++)
        {
            change(rng, clip.Frames[i]);
        }

        clip.GlitchFirstTick = clip.Frames[start].Tick;
        clip.GlitchLastTick = clip.Frames[start + count - 1].Tick;
        return clip;
    }

    /// <summary>A black frame: the view only (the status bar still drawn, as when the 3D view fails) or the whole screen.</summary>
    private static void Black(Random rng, EvalFrame frame) =>
        Fill(frame.Bgr, (0, 0, 0), rng.NextDouble() < 0.5 ? FrameComposer.ViewHeight : FrameComposer.Height);

    private void Blank(Random rng, EvalFrame frame) =>
        Fill(frame.Bgr, BrightColour(rng), rng.NextDouble() < 0.5 ? FrameComposer.ViewHeight : FrameComposer.Height);

    /// <summary>Garbage as a broken upload or decoder leaves it: random palette pixels, runs of one colour, or 2x2 blocks, over the view, a band or a box.</summary>
    private void Noise(Random rng, EvalFrame frame)
    {
        const int W = FrameComposer.Width;
        const int H = FrameComposer.ViewHeight;
        var kind = rng.Next(3);
        var (x0, y0, x1, y1) = rng.Next(3) switch
        {
            0 => (0, 0, W, H),
            1 => (0, rng.Next(H / 2), W, 0),
            _ => (rng.Next(W / 3), rng.Next(H / 3), 0, 0),
        };
        x1 = x1 == 0 ? Math.Min(W, x0 + (int)(W * (0.5 + (rng.NextDouble() * 0.5)))) : x1;
        y1 = y1 == 0 ? Math.Min(H, y0 + (int)(H * (0.3 + (rng.NextDouble() * 0.4)))) : y1;
        var run = 0;
        byte index = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                switch (kind)
                {
                    case 0:
                        index = (byte)rng.Next(256);
                        break;
                    case 1:
                        if (run-- <= 0)
                        {
                            (index, run) = ((byte)rng.Next(256), rng.Next(1, 8));
                        }

                        break;
                    default:
                        if ((x - x0) % 2 == 0 && (y - y0) % 2 == 0)
                        {
                            index = (byte)rng.Next(256);
                        }
                        else
                        {
                            var from = (((y - ((y - y0) % 2)) * W) + (x - ((x - x0) % 2))) * 3;
                            var to = ((y * W) + x) * 3;
                            frame.Bgr.AsSpan(from, 3).CopyTo(frame.Bgr.AsSpan(to, 3));
                            continue;
                        }

                        break;
                }

                var (b, g, r) = _composer.Colour(index);
                var i = ((y * W) + x) * 3;
                (frame.Bgr[i], frame.Bgr[i + 1], frame.Bgr[i + 2]) = (b, g, r);
            }
        }
    }

    /// <summary>The picture stops for 50-140 tics (1.4-4 s) while the player keeps moving, then goes on.</summary>
    private EvalClip Frozen(Random rng)
    {
        var check = FrameCheckNames.FrozenVideo;
        var source = Play(rng, "glitch:" + check, AnyLight, AnyMotion(rng), check: check, frames: 12);
        var clip = new EvalClip(source.Category, check, source.Level, source.Light);
        var freezeAt = 2 + rng.Next(3);
        clip.Frames.AddRange(source.Frames.Take(freezeAt + 1));
        var frozen = source.Frames[freezeAt];
        var step = source.Frames[1].Tick - source.Frames[0].Tick;
        var length = 50 + rng.Next(91);
        var tick = frozen.Tick;
        while (tick + step <= frozen.Tick + length)
        {
            tick += step;
            clip.Frames.Add(new EvalFrame(tick, frozen.Bgr, true));
        }

        clip.GlitchFirstTick = frozen.Tick;
        clip.GlitchLastTick = tick;
        foreach (var f in source.Frames.Skip(freezeAt + 1))
        {
            tick += step;
            clip.Frames.Add(f with { Tick = tick });
        }

        return clip;
    }

    /// <summary>Every other frame of a run of 5-9 replaced by black, by another place's view, or by the negative.</summary>
    private EvalClip Flicker(Random rng)
    {
        var check = FrameCheckNames.Flicker;
        var clip = Play(rng, "glitch:" + check, AnyLight, AnyMotion(rng), check: check);
        var other = Play(rng, "x", l => l >= 96, Motion.Stand, frames: 1).Frames[0].Bgr;
        var kind = rng.Next(3);
        var start = 3 + rng.Next(4);
        var length = 5 + rng.Next(5);
        const int viewBytes = FrameComposer.Width * FrameComposer.ViewHeight * 3;
        for (var i = start; i < start + length; i += 2)
        {
            var bgr = clip.Frames[i].Bgr;
            switch (kind)
            {
                case 0:
                    Array.Clear(bgr, 0, viewBytes);
                    break;
                case 1:
                    Array.Copy(other, bgr, viewBytes);
                    break;
                default:
                    for (var k = 0; k < viewBytes; k++)
                    {
                        bgr[k] = (byte)(255 - bgr[k]);
                    }

                    break;
            }
        }

        clip.GlitchFirstTick = clip.Frames[start].Tick;
        clip.GlitchLastTick = clip.Frames[start + length - 1].Tick;
        return clip;
    }

    // ---- Glitches the renderer draws ---------------------------------------------------------------------------

    /// <summary>
    /// The wall ahead (64-256 units) loses its middle texture, so the renderer draws nothing in its columns (the clear
    /// index). Vanilla shows the previous frame there (the hall of mirrors: stale, smeared pixels); a port that clears
    /// the buffer shows its clear colour. The player walks, strafes or turns slowly with the hole in view; clips whose
    /// hole covers under 2% of the view in fewer than 3 frames are drawn again elsewhere.
    /// </summary>
    private EvalClip Undrawn(Random rng, string check, bool clearColour)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (entry, _, map, camera) = Spot(rng, AnyLight, (64, 256));
            var wall = map.WallAhead(camera.X, camera.Y, camera.Angle, 4096)!.Value;
            var scene = wad.WithoutMiddleTexture(entry, wall.Side);
            var clear = BrightColour(rng);
            var clip = new EvalClip("glitch:" + check, check, entry.Name, map.Light(map.SectorAt(camera.X, camera.Y)));
            var mover = new Mover(map, Pick(rng, [Motion.Walk, Motion.Strafe, Motion.TurnSlow]), rng);
            var renderer = new ViewRenderer(scene, FrameComposer.Options);
            var clean = new ViewRenderer(wad.Level(entry).Scene, FrameComposer.Options);
            var step = 1 + rng.Next(2);
            var tick = rng.Next(35, 20000);

            // What the screen held before: the clean view a tic earlier.
            var previous = _composer.Compose(FrameComposer.View(clean, map, camera, tick - 1), map, camera, tick - 1);
            var visible = new List<int>();
            for (var i = 0; i < 16; i++)
            {
                var view = FrameComposer.View(renderer, map, camera, tick);
                var bgr = _composer.Compose(view, map, camera, tick);
                var hole = 0;
                for (var p = 0; p < FrameComposer.Width * FrameComposer.ViewHeight; p++)
                {
                    if (view[p] != RenderOptions.DefaultClearIndex || bgr[(p * 3) + 0] != 255 || bgr[(p * 3) + 1] != 255 || bgr[(p * 3) + 2] != 255)
                    {
                        continue;
                    }

                    // The weapon is drawn after the view, over the hole: only pixels still showing the clear value change.
                    hole++;
                    if (clearColour)
                    {
                        (bgr[p * 3], bgr[(p * 3) + 1], bgr[(p * 3) + 2]) = clear;
                    }
                    else
                    {
                        previous.AsSpan(p * 3, 3).CopyTo(bgr.AsSpan(p * 3, 3));
                    }
                }

                if (hole >= MinVisiblePixels)
                {
                    visible.Add(tick);
                }

                clip.Frames.Add(new EvalFrame(tick, bgr, true));
                previous = bgr;
                for (var t = 0; t < step; t++)
                {
                    camera = mover.Advance(camera);
                }

                tick += step;
            }

            if (visible.Count >= 3 || attempt >= 40)
            {
                clip.GlitchFirstTick = visible.Count > 0 ? visible[0] : clip.Frames[0].Tick;
                clip.GlitchLastTick = visible.Count > 0 ? visible[^1] : clip.Frames[^1].Tick;
                return clip;
            }
        }
    }

    /// <summary>
    /// The texture of the wall ahead replaced everywhere by the two-colour checkerboard ports draw for a texture they
    /// could not load (8-32 texel squares, lit by the sectors); clips where it covers under 2% of the view in fewer
    /// than 3 frames are drawn again elsewhere.
    /// </summary>
    private EvalClip Checker(Random rng)
    {
        var check = FrameCheckNames.MissingTexture;
        for (var attempt = 0; ; attempt++)
        {
            var (entry, cleanScene, map, camera) = Spot(rng, AnyLight, (64, 256));
            var wall = map.WallAhead(camera.X, camera.Y, camera.Angle, 4096)!.Value;
            var texture = map.Level.Sidedefs[wall.Side].MiddleTexture;
            if (Sidedef.IsNoTexture(texture) || wad.Resources.FindTexture(texture) is null)
            {
                continue;
            }

            var (a, b) = CheckerColours(rng);
            var scene = wad.WithCheckerTexture(entry, texture, a, b, Pick(rng, [8, 16, 32]));
            var clip = new EvalClip("glitch:" + check, check, entry.Name, map.Light(map.SectorAt(camera.X, camera.Y)));
            var mover = new Mover(map, Pick(rng, [Motion.Walk, Motion.Strafe, Motion.TurnSlow, Motion.Stand]), rng);
            var renderer = new ViewRenderer(scene, FrameComposer.Options);
            var clean = new ViewRenderer(cleanScene, FrameComposer.Options);
            var step = 1 + rng.Next(2);
            var tick = rng.Next(35, 20000);
            var visible = new List<int>();
            for (var i = 0; i < 16; i++)
            {
                var view = FrameComposer.View(renderer, map, camera, tick);
                var reference = FrameComposer.View(clean, map, camera, tick);
                var changed = 0;
                for (var p = 0; p < view.Length; p++)
                {
                    changed += view[p] != reference[p] ? 1 : 0;
                }

                if (changed >= MinVisiblePixels)
                {
                    visible.Add(tick);
                }

                clip.Frames.Add(new EvalFrame(tick, _composer.Compose(view, map, camera, tick), mover.Acting));
                for (var t = 0; t < step; t++)
                {
                    camera = mover.Advance(camera);
                }

                tick += step;
            }

            if (visible.Count >= 3 || attempt >= 40)
            {
                clip.GlitchFirstTick = visible.Count > 0 ? visible[0] : clip.Frames[0].Tick;
                clip.GlitchLastTick = visible.Count > 0 ? visible[^1] : clip.Frames[^1].Tick;
                return clip;
            }
        }
    }

    // ---- Colours -----------------------------------------------------------------------------------------------

    private static double Luma((byte B, byte G, byte R) c) => (0.299 * c.R) + (0.587 * c.G) + (0.114 * c.B);

    /// <summary>A palette colour that is not dark (a port's clear colour, a blank frame's colour).</summary>
    private (byte B, byte G, byte R) BrightColour(Random rng)
    {
        while (true)
        {
            var c = _composer.Colour((byte)rng.Next(256));
            if (Luma(c) >= 48)
            {
                return c;
            }
        }
    }

    /// <summary>The classic purple and black, or two palette colours far apart in brightness.</summary>
    private (byte A, byte B) CheckerColours(Random rng)
    {
        if (rng.NextDouble() < 0.5)
        {
            return (Nearest(255, 0, 255), 0);
        }

        while (true)
        {
            var a = (byte)rng.Next(256);
            var b = (byte)rng.Next(256);
            if (Math.Abs(Luma(_composer.Colour(a)) - Luma(_composer.Colour(b))) >= 80)
            {
                return (a, b);
            }
        }
    }

    private byte Nearest(int r, int g, int b)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < 256; i++)
        {
            var (cb, cg, cr) = _composer.Colour((byte)i);
            var d = ((cr - r) * (cr - r)) + ((cg - g) * (cg - g)) + ((cb - b) * (cb - b));
            if (d < bestDistance)
            {
                (best, bestDistance) = (i, d);
            }
        }

        return (byte)best;
    }

    private static void Fill(byte[] bgr, (byte B, byte G, byte R) colour, int rows)
    {
        for (var i = 0; i < rows * FrameComposer.Width * 3; i += 3)
        {
            (bgr[i], bgr[i + 1], bgr[i + 2]) = colour;
        }
    }
}
