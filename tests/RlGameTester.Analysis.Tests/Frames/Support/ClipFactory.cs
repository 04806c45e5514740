using RlGameTester.Analysis.Frames;

namespace RlGameTester.Analysis.Tests.Frames.Support;

/// <summary>How the camera moves through a clip.</summary>
internal enum Motion
{
    Walk,
    Turn,
    Strafe,
    WalkTurn,
    Stand,
}

/// <summary>
/// Makes labelled clips from real freedoom graphics: play in lit, dark and outdoor rooms with the camera walking,
/// turning, strafing or standing, strobe lights and muzzle flashes; menus, intermission, text and title screens; and
/// the same scenes with one glitch injected the way it arises (undrawn walls keep old pixels or the clear colour,
/// missing textures become checkerboards, frames go black, blank, frozen, flickering or noisy).
/// </summary>
internal sealed class ClipFactory(DoomGraphics graphics, int width, int height)
{
    private static readonly string[] Weapons = ["SHTGA0", "PISGA0", "CHGGA0"];

    private readonly SceneRenderer _renderer = new(graphics);

    public int Width { get; } = width;

    public int Height { get; } = height;

    // ---- Clean clips -------------------------------------------------------------------------------------------

    /// <summary>Play in a room: light 0-255, indoors or under the sky, with the given motion.</summary>
    public Clip Room(Random rng, string category, int light, bool outdoors, Motion motion, int frames = 16, int? step = null,
        bool strobe = false, bool chaingun = false, string? message = null)
    {
        var world = DoomWorld.Random(rng, graphics, light, outdoors);
        if (strobe)
        {
            for (var y = 0; y < world.Size; y++)
            {
                for (var x = 0; x < world.Size; x++)
                {
                    world[x, y].StrobeGroup = 0;
                }
            }
        }

        var clip = new Clip(category, null);
        var camera = StartCamera(rng, world, motion);
        var walk = new Walker(rng, motion);
        var weapon = chaingun ? "CHGGA0" : DoomWorld.Pick(rng, Weapons);
        var tickStep = step ?? StepFor(rng);
        var buffer = new FrameBuffer(Width, Height);
        var tick = rng.Next(0, 5000);
        for (var i = 0; i < frames; i++)
        {
            var state = walk.State(tick, weapon) with
            {
                // Strobe sectors: bright 5 tics out of 40 (Doom's slow strobe).
                StrobeOn = !strobe || tick % 40 < 5,
                ExtraLight = chaingun ? ((tick / 4) % 2) + 1 : 0,
                Flash = chaingun ? (tick / 4 % 2 == 0 ? "CHGFA0" : "CHGFB0") : null,
                Weapon = chaingun ? (tick / 4 % 2 == 0 ? "CHGGA0" : "CHGGB0") : weapon,
                Message = message,
            };
            _renderer.Render(buffer, world, camera, state);
            clip.Add(tick, buffer.Clone(), motion != Motion.Stand);
            for (var t = 0; t < tickStep; t++)
            {
                camera = walk.Advance(camera, world);
            }

            tick += tickStep;
        }

        return clip;
    }

    /// <summary>The agent acts (pushes into a wall, say) while the view stays put for a while shorter than the frozen-video limit.</summary>
    public Clip BriefStill(Random rng, double seconds)
    {
        var clip = Room(rng, "still-while-acting-briefly", rng.Next(96, 224), false, Motion.Stand, frames: 2, step: 1);
        var last = clip.Frames[^1];
        var ticks = (int)(seconds * 35);
        for (var t = 2; t <= ticks; t += 2)
        {
            clip.Add(last.Tick + t, last.Frame, true);
        }

        var moving = Room(rng, "x", rng.Next(96, 224), false, Motion.Turn, frames: 4, step: 2);
        foreach (var f in moving.Frames)
        {
            clip.Add(clip.LastTick + 2, f.Frame, true);
        }

        return clip;
    }

    /// <summary>A menu over the (dimmed) game view, the skull cursor blinking every 8 tics; the game is paused.</summary>
    public Clip Menu(Random rng, bool acting)
    {
        var background = Room(rng, "menu", rng.Next(64, 224), rng.NextDouble() < 0.3, Motion.Stand, frames: 1).Frames[0].Frame;
        background.Scale(0.35 + (rng.NextDouble() * 0.65), 0, Height);
        var clip = new Clip(acting ? "menu-while-pressing-keys" : "menu", null);
        var kind = rng.Next(3);
        var item = rng.Next(5);
        var tick = rng.Next(0, 5000);
        for (var i = 0; i < 24; i++)
        {
            var frame = background.Clone();
            var skull = graphics.Patch(tick / 8 % 2 == 0 ? "M_SKULL1" : "M_SKULL2");
            switch (kind)
            {
                case 0:
                    frame.Blit(graphics.Patch("M_DOOM"), 94, 2);
                    string[] main = ["M_NGAME", "M_OPTION", "M_LOADG", "M_SAVEG", "M_RDTHIS", "M_QUITG"];
                    for (var k = 0; k < main.Length; k++)
                    {
                        frame.Blit(graphics.Patch(main[k]), 97, 64 + (16 * k));
                    }

                    frame.Blit(skull, 65, 59 + (16 * item));
                    break;
                case 1:
                    frame.Blit(graphics.Patch("M_OPTTTL"), 108, 15);
                    string[] options = ["M_MESSG", "M_DETAIL", "M_SCRNSZ", "M_MSENS", "M_SVOL"];
                    for (var k = 0; k < options.Length; k++)
                    {
                        frame.Blit(graphics.Patch(options[k]), 60, 37 + (16 * k));
                    }

                    frame.Blit(skull, 28, 32 + (16 * item));
                    break;
                default:
                    frame.Blit(graphics.Patch("M_NEWG"), 96, 14);
                    frame.Blit(graphics.Patch("M_SKILL"), 54, 38);
                    string[] skills = ["M_JKILL", "M_ROUGH", "M_HURT", "M_ULTRA", "M_NMARE"];
                    for (var k = 0; k < skills.Length; k++)
                    {
                        frame.Blit(graphics.Patch(skills[k]), 48, 63 + (16 * k));
                    }

                    frame.Blit(skull, 16, 58 + (16 * item));
                    break;
            }

            clip.Add(tick, frame, acting);
            tick += 2;
        }

        return clip;
    }

    /// <summary>
    /// An intermission screen: freedoom2's INTERPIC with the kill, item and secret percentages counting up, or
    /// freedoom1's episode maps with the blinking "you are here" marker. Static for long stretches; nobody plays.
    /// </summary>
    public Clip Intermission(Random rng)
    {
        var clip = new Clip("intermission", null);
        var tick = rng.Next(0, 5000);
        var map = rng.Next(4);
        var kills = rng.Next(20, 101);
        var items = rng.Next(0, 101);
        for (var i = 0; i < 36; i++)
        {
            var frame = new FrameBuffer(Width, Height);
            if (map == 3)
            {
                frame.Blit(graphics.Patch("INTERPIC"), 0, 0, useOffsets: false);
                frame.Blit(graphics.Patch("WIF"), 160 - (graphics.Patch("WIF").Width / 2), 22, useOffsets: false);
                var shown = Math.Min(kills, i * 4);
                frame.Blit(graphics.Patch("WIOSTK"), 50, 50);
                Number(frame, shown, 270, 50);
                frame.Blit(graphics.Patch("WIOSTI"), 50, 74);
                Number(frame, Math.Min(items, Math.Max(0, (i * 4) - kills)), 270, 74);
                frame.Blit(graphics.Patch("WISCRT2"), 50, 98);
                frame.Blit(graphics.Patch("WITIME"), 16, 168);
                frame.Blit(graphics.Patch("WIPAR"), 176, 168);
            }
            else
            {
                frame.Blit(graphics.Patch($"WIMAP{map}"), 0, 0, useOffsets: false);
                if (tick / 16 % 2 == 0)
                {
                    frame.Blit(graphics.Patch("WIURH0"), 185 + (map * 20), 164 - (map * 30));
                }

                frame.Blit(graphics.Patch("WISPLAT"), 155, 139);
                frame.Blit(graphics.Patch("WIENTER"), 160 - (graphics.Patch("WIENTER").Width / 2), 2, useOffsets: false);
            }

            clip.Add(tick, frame, false);
            tick += 4;
        }

        return clip;
    }

    /// <summary>A story text screen: a flat tiled over the whole screen, text typed out one character every 3 tics.</summary>
    public Clip TextScreen(Random rng)
    {
        const string story = "ONCE YOU BEAT THE BIG BADASSES AND\nCLEAN OUT THE MOON BASE YOU'RE SUPPOSED\nTO WIN, AREN'T YOU? AREN'T YOU? WHERE'S\nYOUR FAT REWARD AND TICKET HOME?";
        var flat = graphics.Flat(DoomWorld.Pick(rng, graphics.Flats));
        var clip = new Clip("text-screen", null);
        var tick = rng.Next(0, 5000);
        for (var i = 0; i < 24; i++)
        {
            var frame = new FrameBuffer(Width, Height);
            for (var ty = 0; ty < 200; ty += 64)
            {
                for (var tx = 0; tx < 320; tx += 64)
                {
                    frame.Blit(flat, tx, ty, useOffsets: false);
                }
            }

            var shown = Math.Min(story.Length, i * 4 / 3);
            var lines = story[..shown].Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                frame.Text(graphics, lines[l], 10, 10 + (11 * l));
            }

            clip.Add(tick, frame, false);
            tick += 4;
        }

        return clip;
    }

    /// <summary>The title, credits or help screen, shown still while nobody plays.</summary>
    public Clip TitleScreen(Random rng)
    {
        var picture = DoomWorld.Pick(rng, new[] { "TITLEPIC", "CREDIT", "HELP1" }.Where(graphics.HasPatch).ToList());
        var frame = new FrameBuffer(Width, Height);
        frame.Blit(graphics.Patch(picture), 0, 0, useOffsets: false);
        var clip = new Clip("title-screen", null);
        for (var i = 0; i < 30; i++)
        {
            clip.Add(i * 4, frame, false);
        }

        return clip;
    }

    // ---- Glitched clips ----------------------------------------------------------------------------------------

    /// <summary>1-3 frames of a room clip turned black: the whole frame, or only the view under a drawn status bar.</summary>
    public Clip BlackFrames(Random rng)
    {
        var clip = Rebrand(Room(rng, "x", RandomLight(rng), rng.NextDouble() < 0.3, RandomMotion(rng)), FrameCheckNames.BlackFrame);
        var wholeFrame = rng.NextDouble() < 0.5;
        Replace(rng, clip, rng.Next(1, 4), frame => frame.Fill(0, 0, 0, 0, wholeFrame ? Height : frame.ViewRows));
        return clip;
    }

    /// <summary>1-3 frames of one flat colour (the view, or the whole frame).</summary>
    public Clip BlankFrames(Random rng)
    {
        var clip = Rebrand(Room(rng, "x", RandomLight(rng), rng.NextDouble() < 0.3, RandomMotion(rng)), FrameCheckNames.BlankFrame);
        var wholeFrame = rng.NextDouble() < 0.5;
        var (r, g, b) = BrightColour(rng);
        Replace(rng, clip, rng.Next(1, 4), frame => frame.Fill(r, g, b, 0, wholeFrame ? Height : frame.ViewRows));
        return clip;
    }

    /// <summary>The view stops changing for 2.3-4 s while the agent keeps acting, then moves on.</summary>
    public Clip FrozenVideo(Random rng)
    {
        var step = StepFor(rng);
        var source = Room(rng, "x", RandomLight(rng), rng.NextDouble() < 0.3, rng.NextDouble() < 0.5 ? Motion.Walk : Motion.Turn, frames: 8, step: step);
        var clip = new Clip($"glitch:{FrameCheckNames.FrozenVideo}", FrameCheckNames.FrozenVideo);
        var freezeAt = rng.Next(1, 4);
        for (var i = 0; i <= freezeAt; i++)
        {
            clip.Add(source.Frames[i].Tick, source.Frames[i].Frame, true);
        }

        var frozen = source.Frames[freezeAt];
        var ticks = (int)((2.3 + (rng.NextDouble() * 1.7)) * 35);
        var tick = frozen.Tick;
        while (tick < frozen.Tick + ticks)
        {
            tick += step;
            clip.Add(tick, frozen.Frame, true);
        }

        clip.GlitchFirstTick = frozen.Tick;
        clip.GlitchLastTick = tick;
        foreach (var f in source.Frames.Skip(freezeAt + 1))
        {
            tick += step;
            clip.Add(tick, f.Frame, true);
        }

        return clip;
    }

    /// <summary>
    /// The wall in front is not drawn: vanilla leaves the old frame there (stale, smeared pixels), <c>+r_clearbuffer</c>
    /// paints it one colour. The camera walks, turns or strafes while the wall stays in view.
    /// </summary>
    public Clip UndrawnWall(Random rng, bool clearBuffer)
    {
        var check = clearBuffer ? FrameCheckNames.ClearColourFill : FrameCheckNames.HallOfMirrors;
        var world = DoomWorld.Random(rng, graphics, rng.Next(112, 240), rng.NextDouble() < 0.3);
        var motion = DoomWorld.Pick(rng, [Motion.Walk, Motion.Turn, Motion.Strafe, Motion.WalkTurn]);
        var camera = FacingNearWall(rng, world);
        MarkWallAhead(world, camera, cell => cell.Kind = WallKind.Undrawn);
        (byte, byte, byte)? clear = clearBuffer ? BrightColour(rng) : null;
        var clip = Play(rng, world, camera, motion, $"glitch:{check}", check, frames: 14, clear);
        clip.GlitchFirstTick = clip.Frames[0].Tick;
        clip.GlitchLastTick = clip.LastTick;
        return clip;
    }

    /// <summary>The wall in front (and its neighbours) drawn as a two-colour checkerboard: a missing texture.</summary>
    public Clip MissingTexture(Random rng)
    {
        var world = DoomWorld.Random(rng, graphics, rng.Next(96, 240), rng.NextDouble() < 0.3);
        var motion = DoomWorld.Pick(rng, [Motion.Walk, Motion.Turn, Motion.Strafe, Motion.Stand]);
        var camera = FacingNearWall(rng, world);
        var a = BrightColour(rng);
        (byte R, byte G, byte B) b = rng.NextDouble() < 0.5 ? ((byte)0, (byte)0, (byte)0) : BrightColour(rng);
        if (Math.Abs(Luma(a) - Luma(b)) < 80)
        {
            b = Luma(a) > 128 ? ((byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255);
        }

        var size = rng.NextDouble() < 0.5 ? 8 : 16;
        MarkWallAhead(world, camera, cell =>
        {
            cell.Kind = WallKind.Checker;
            cell.CheckerA = a;
            cell.CheckerB = b;
            cell.CheckerSize = size;
        });
        var clip = Play(rng, world, camera, motion, $"glitch:{FrameCheckNames.MissingTexture}", FrameCheckNames.MissingTexture, frames: 12, null);
        clip.GlitchFirstTick = clip.Frames[0].Tick;
        clip.GlitchLastTick = clip.LastTick;
        return clip;
    }

    /// <summary>Every other frame for 5-9 frames replaced: by black, by another scene, or by the frame's negative.</summary>
    public Clip Flicker(Random rng)
    {
        var clip = Rebrand(Room(rng, "x", rng.Next(96, 240), rng.NextDouble() < 0.3, RandomMotion(rng), frames: 18), FrameCheckNames.Flicker);
        var other = Room(rng, "x", rng.Next(96, 240), rng.NextDouble() < 0.5, Motion.Stand, frames: 1).Frames[0].Frame;
        var kind = rng.Next(3);
        var start = rng.Next(2, 6);
        var length = rng.Next(5, 10);
        for (var i = start; i < start + length; i += 2)
        {
            var frame = clip.Frames[i].Frame;
            switch (kind)
            {
                case 0:
                    frame.Fill(0, 0, 0, 0, frame.ViewRows);
                    break;
                case 1:
                    Array.Copy(other.Bgr, frame.Bgr, frame.ViewRows * Width * 3);
                    break;
                default:
                    for (var k = 0; k < frame.ViewRows * Width * 3; k++)
                    {
                        frame.Bgr[k] = (byte)(255 - frame.Bgr[k]);
                    }

                    break;
            }
        }

        clip.GlitchFirstTick = clip.Frames[start].Tick;
        clip.GlitchLastTick = clip.Frames[start + length - 1].Tick;
        return clip;
    }

    /// <summary>1-2 frames with random pixels over the view, a band of rows or a box: independent pixels, garbage runs or blocks.</summary>
    public Clip Noise(Random rng)
    {
        var clip = Rebrand(Room(rng, "x", RandomLight(rng), rng.NextDouble() < 0.3, RandomMotion(rng)), FrameCheckNames.Noise);
        var kind = rng.Next(3);
        Replace(rng, clip, rng.Next(1, 3), frame =>
        {
            var view = frame.ViewRows;
            var (x0, y0, x1, y1) = rng.Next(3) switch
            {
                0 => (0, 0, Width, view),
                1 => (0, rng.Next(view / 2), Width, 0),
                _ => (rng.Next(Width / 3), rng.Next(view / 3), 0, 0),
            };
            x1 = x1 == 0 ? Math.Min(Width, x0 + (int)(Width * (0.5 + (rng.NextDouble() * 0.5)))) : x1;
            y1 = y1 == 0 ? Math.Min(view, y0 + (int)(view * (0.3 + (rng.NextDouble() * 0.4)))) : y1;
            FillNoise(rng, frame, kind, x0, y0, x1, y1);
        });
        return clip;
    }

    // ---- Helpers -----------------------------------------------------------------------------------------------

    public static int RandomLight(Random rng) => rng.NextDouble() < 0.35 ? rng.Next(48, 112) : rng.Next(112, 256);

    public static Motion RandomMotion(Random rng) => DoomWorld.Pick(rng, [Motion.Walk, Motion.Turn, Motion.Strafe, Motion.WalkTurn, Motion.Stand]);

    private static int StepFor(Random rng) => DoomWorld.Pick(rng, [1, 2, 4]);

    private static double Luma((byte R, byte G, byte B) c) => (0.299 * c.R) + (0.587 * c.G) + (0.114 * c.B);

    private static (byte R, byte G, byte B) BrightColour(Random rng)
    {
        while (true)
        {
            var c = ((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256));
            if (Luma(c) >= 48)
            {
                return c;
            }
        }
    }

    private static Clip Rebrand(Clip source, string check)
    {
        var clip = new Clip($"glitch:{check}", check);
        clip.Frames.AddRange(source.Frames);
        return clip;
    }

    /// <summary>Applies a change to <paramref name="count"/> consecutive frames in the middle of the clip and records their ticks.</summary>
    private static void Replace(Random rng, Clip clip, int count, Action<FrameBuffer> change)
    {
        var start = rng.Next(2, clip.Frames.Count - count - 2);
        for (var i = start; i < start + count; i++)
        {
            change(clip.Frames[i].Frame);
        }

        clip.GlitchFirstTick = clip.Frames[start].Tick;
        clip.GlitchLastTick = clip.Frames[start + count - 1].Tick;
    }

    private static void FillNoise(Random rng, FrameBuffer frame, int kind, int x0, int y0, int x1, int y1)
    {
        for (var y = y0; y < y1; y++)
        {
            var run = 0;
            int r = 0, g = 0, b = 0;
            for (var x = x0; x < x1; x++)
            {
                switch (kind)
                {
                    case 0:
                        frame.Set(x, y, rng.Next(256), rng.Next(256), rng.Next(256));
                        break;
                    case 1:
                        // Memory garbage: short runs of one colour.
                        if (run-- <= 0)
                        {
                            (r, g, b, run) = (rng.Next(256), rng.Next(256), rng.Next(256), rng.Next(1, 8));
                        }

                        frame.Set(x, y, r, g, b);
                        break;
                    default:
                        if (((x - x0) % 2 == 0) && ((y - y0) % 2 == 0))
                        {
                            (r, g, b) = (rng.Next(256), rng.Next(256), rng.Next(256));
                            for (var dy = 0; dy < 2 && y + dy < y1; dy++)
                            {
                                for (var dx = 0; dx < 2 && x + dx < x1; dx++)
                                {
                                    frame.Set(x + dx, y + dy, r, g, b);
                                }
                            }
                        }

                        break;
                }
            }
        }
    }

    private Clip Play(Random rng, DoomWorld world, Camera camera, Motion motion, string category, string? check, int frames,
        (byte R, byte G, byte B)? clear)
    {
        var walk = new Walker(rng, motion, slow: true);
        var weapon = DoomWorld.Pick(rng, Weapons);
        var step = DoomWorld.Pick(rng, [1, 2]);
        var buffer = new FrameBuffer(Width, Height);

        // What the buffer held before: the view from a few degrees away, all walls drawn.
        var warmWorld = DoomWorld.Random(new Random(rng.Next()), graphics, 160, false);
        _renderer.Render(buffer, warmWorld, camera with { Angle = camera.Angle + 0.6 }, walk.State(0, weapon));

        var clip = new Clip(category, check);
        var tick = rng.Next(0, 5000);
        for (var i = 0; i < frames; i++)
        {
            _renderer.Render(buffer, world, camera, walk.State(tick, weapon) with { ClearColour = clear });
            clip.Add(tick, buffer.Clone(), motion != Motion.Stand);
            for (var t = 0; t < step; t++)
            {
                camera = walk.Advance(camera, world);
            }

            tick += step;
        }

        return clip;
    }

    private void Number(FrameBuffer frame, int value, int right, int y)
    {
        var x = right;
        frame.Blit(graphics.Patch("WIPCNT"), x, y);
        foreach (var digit in value.ToString(System.Globalization.CultureInfo.InvariantCulture).Reverse())
        {
            var patch = graphics.Patch($"WINUM{digit}");
            x -= patch.Width;
            frame.Blit(patch, x, y);
        }
    }

    private static Camera StartCamera(Random rng, DoomWorld world, Motion motion)
    {
        var half = world.Size / 2;
        var x = 2.5 + rng.Next(world.Size - 5);
        var y = half - 0.2 + (rng.NextDouble() * 0.4);
        var angle = motion is Motion.Walk or Motion.WalkTurn
            ? (rng.NextDouble() < 0.5 ? 0 : Math.PI) + ((rng.NextDouble() - 0.5) * 0.4)
            : rng.NextDouble() * 2 * Math.PI;
        return new Camera(x, y, angle);
    }

    /// <summary>
    /// A camera in open space facing a wall 1.5-4 cells (96-256 units) away: glitches on that wall are in plain view,
    /// as a tester would see them (a glitch on a wall across a large room covers a few pixels and is not counted).
    /// </summary>
    private static Camera FacingNearWall(Random rng, DoomWorld world)
    {
        for (var attempt = 0; ; attempt++)
        {
            var camera = new Camera(1.5 + (rng.NextDouble() * (world.Size - 3)), 1.5 + (rng.NextDouble() * (world.Size - 3)), rng.NextDouble() * 2 * Math.PI);
            if (world.IsSolid(camera.X, camera.Y))
            {
                continue;
            }

            var distance = 0.0;
            while (!world.IsSolid(camera.X + (Math.Cos(camera.Angle) * distance), camera.Y + (Math.Sin(camera.Angle) * distance)))
            {
                distance += 0.05;
            }

            if ((distance >= 1.5 && distance <= 4) || attempt > 500)
            {
                return camera;
            }
        }
    }

    /// <summary>Marks the wall cell seen at the centre of the view, and the cells beside it along the wall.</summary>
    private static void MarkWallAhead(DoomWorld world, Camera camera, Action<MapCell> mark)
    {
        var dx = Math.Cos(camera.Angle);
        var dy = Math.Sin(camera.Angle);
        for (var d = 0.05; d < world.Size * 2; d += 0.05)
        {
            var cx = (int)(camera.X + (dx * d));
            var cy = (int)(camera.Y + (dy * d));
            if (!world[cx, cy].Solid)
            {
                continue;
            }

            for (var o = -1; o <= 1; o++)
            {
                foreach (var (nx, ny) in new[] { (cx + o, cy), (cx, cy + o) })
                {
                    if (world[nx, ny].Solid)
                    {
                        mark(world[nx, ny]);
                    }
                }
            }

            return;
        }
    }

    /// <summary>Moves the camera tic by tic and works out Doom's weapon and view bob from the speed.</summary>
    private sealed class Walker
    {
        private readonly Motion _motion;
        private readonly double _speed;
        private readonly double _turn;

        public Walker(Random rng, Motion motion, bool slow = false)
        {
            _motion = motion;
            _speed = (slow ? 0.04 : 0.08) + (rng.NextDouble() * (slow ? 0.06 : 0.16));
            _turn = (rng.NextDouble() < 0.5 ? -1 : 1) * ((slow ? 0.01 : 0.03) + (rng.NextDouble() * (slow ? 0.02 : 0.07)));
        }

        private bool Moves => _motion is Motion.Walk or Motion.Strafe or Motion.WalkTurn;

        public Camera Advance(Camera camera, DoomWorld world)
        {
            var angle = camera.Angle + (_motion is Motion.Turn or Motion.WalkTurn ? _turn : 0);
            if (!Moves)
            {
                return camera with { Angle = angle };
            }

            var heading = _motion == Motion.Strafe ? angle + (Math.PI / 2) : angle;
            var nx = camera.X + (Math.Cos(heading) * _speed);
            var ny = camera.Y + (Math.Sin(heading) * _speed);
            var ahead = 0.35;
            if (world.IsSolid(nx + (Math.Cos(heading) * ahead), ny + (Math.Sin(heading) * ahead)))
            {
                // Blocked: turn away, as an agent would.
                return camera with { Angle = angle + 0.15 };
            }

            return new Camera(nx, ny, angle);
        }

        public ViewState State(int tick, string weapon)
        {
            var units = _speed * 64;
            var bob = Moves ? Math.Min(16, units * units / 4) : 0;
            var phase = tick * 2 * Math.PI / 20;
            return new ViewState
            {
                Tick = tick,
                Weapon = weapon,
                BobX = bob * Math.Cos(phase / 2),
                BobY = bob * Math.Abs(Math.Sin(phase / 2)),
                ViewBob = bob / 2 * Math.Sin(phase),
            };
        }
    }
}
