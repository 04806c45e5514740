using System.Globalization;
using System.Text;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Rendering;

public sealed class ViewRendererTests
{
    private const byte Clear = RenderOptions.DefaultClearIndex;

    [Fact]
    public void TheViewFromE1M1sStartIsTheSameBytesTwiceAndMostlyDrawn()
    {
        var scene = RenderFixtures.E1M1Scene;
        var first = new ViewRenderer(scene).Render(RenderFixtures.Start(scene));
        var second = new ViewRenderer(scene).Render(RenderFixtures.Start(scene));
        RenderFixtures.SavePng(first, RenderFixtures.Freedoom1Set, "e1m1-start");

        Assert.Equal(BspSource.Level, scene.Tree.Source);
        Assert.Equal(first.Image.Pixels, second.Image.Pixels);
        Assert.Equal(first.Statistics, second.Statistics);
        Assert.Equal(0, first.Image.Pixels.Count(p => p == Clear));
        Assert.Equal(0, first.Statistics.MissingTextureColumns);
        Assert.Equal(0, first.Statistics.UndrawnPixels);
        Assert.False(first.Statistics.AnyOverflow);
    }

    [Fact]
    public void OneRendererDrawsManyViewsAsFreshRenderersDo()
    {
        var scene = RenderFixtures.E1M1Scene;
        var start = RenderFixtures.Start(scene);
        var reused = new ViewRenderer(scene);
        foreach (var angle in new[] { 0.0, 90, 180, 270, 45 })
        {
            var view = start with { Angle = start.Angle + angle };
            Assert.Equal(new ViewRenderer(scene).Render(view).Image.Pixels, reused.Render(view).Image.Pixels);
        }
    }

    [Fact]
    public void RenderersOnSeveralThreadsShareOneSceneAndDrawWhatOneThreadDraws()
    {
        var scene = RenderFixtures.E1M1Scene;
        var start = RenderFixtures.Start(scene);
        var views = Enumerable.Range(0, 64).Select(i => start with { Angle = i * 360.0 / 64 }).ToArray();
        var serial = new ViewRenderer(scene);
        var expected = views.Select(v => serial.Render(v).Image.Pixels).ToArray();
        var actual = new byte[views.Length][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var renderer = new ViewRenderer(scene);
            for (var i = worker; i < views.Length; i += 4)
            {
                actual[i] = renderer.Render(views[i]).Image.Pixels;
            }
        });

        for (var i = 0; i < views.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void TheSkyIsDrawnFromTheLevelsSkyTextureAboveAnOutdoorArea()
    {
        var scene = new TestRoom(CeilingFlat: ResourceSet.SkyFlat).Scene();
        var view = new ViewRenderer(scene).Render(new ViewPoint(256, 256, 0));
        RenderFixtures.SavePng(view, RenderFixtures.Freedoom2Set, "room-sky");
        var sky = Texels(RenderFixtures.Freedoom2Set.ComposeTexture("SKY1")!);

        Assert.Equal("SKY1", scene.SkyTextureName);
        Assert.True(view.Statistics.SkyPixels >= 320 * 40, $"{view.Statistics.SkyPixels} sky pixels");
        Assert.All(Row(view, 0), p => Assert.Contains(p, sky));

        // Standing in one of E1M1's outdoor areas, the sky is overhead.
        var e1m1 = RenderFixtures.E1M1Scene;
        var outdoors = OutdoorPoint(e1m1);
        var renderer = new ViewRenderer(e1m1);
        var views = Enumerable.Range(0, 4).Select(i => renderer.Render(outdoors with { Angle = i * 90 })).ToList();
        RenderFixtures.SavePng(views.MaxBy(v => v.Statistics.SkyPixels)!, RenderFixtures.Freedoom1Set, "e1m1-outdoors");
        Assert.True(views.Max(v => v.Statistics.SkyPixels) > 1000, string.Join(", ", views.Select(v => v.Statistics.SkyPixels)));
    }

    [Theory]
    [InlineData("E1M1", "SKY1")]
    [InlineData("E3M4", "SKY3")]
    [InlineData("E4M1", "SKY4")]
    [InlineData("MAP11", "SKY1")]
    [InlineData("MAP12", "SKY2")]
    [InlineData("MAP20", "SKY2")]
    [InlineData("MAP21", "SKY3")]
    public void TheSkyIsPickedByEpisodeOrMapNumberAsDoomPicksIt(string level, string sky) => Assert.Equal(sky, RenderScene.SkyFor(level));

    [Fact]
    public void FloorsAndCeilingsAreDrawnWithTheirFlatsTexels()
    {
        var scene = new TestRoom(Light: 160).Scene();
        var bright = new ViewRenderer(scene, new RenderOptions { FullBright = true }).Render(new ViewPoint(256, 256, 30));
        var lit = new ViewRenderer(scene).Render(new ViewPoint(256, 256, 30));
        RenderFixtures.SavePng(lit, RenderFixtures.Freedoom2Set, "room-flats");
        var resources = RenderFixtures.Freedoom2Set;
        var floor = Texels(resources.DecodeFlat("FLOOR0_1")!);
        var ceiling = Texels(resources.DecodeFlat("CEIL1_1")!);

        Assert.All(Row(bright, 199), p => Assert.Contains(p, floor));
        Assert.All(Row(bright, 0), p => Assert.Contains(p, ceiling));

        // In the sector's light every floor pixel is a COLORMAP shade of a floor texel, and darker than full light.
        var shades = Shades(resources, floor);
        Assert.All(Row(lit, 199), p => Assert.Contains(p, shades));
        Assert.NotEqual(Row(bright, 199), Row(lit, 199));
    }

    [Fact]
    public void AMissingUpperOrLowerTextureLeavesTheClearValueInItsColumns()
    {
        var start = RenderFixtures.Start(RenderFixtures.E1M1Scene);
        var original = new ViewRenderer(RenderFixtures.E1M1Scene).Render(start);
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        foreach (var (side, part) in HallOfMirrorsCandidates(RenderFixtures.E1M1Scene, start).Take(12))
        {
            var name = level.SideTexture(side, part);
            level.SetSideTexture(side, part, "-");
            var wad = WadFile.Read(level.ToWad());
            var entry = LevelDirectory.Find(wad).Single();
            var scene = RenderScene.Create(LevelReader.Read(entry), ResourceSet.Create(wad, Fixtures.Freedoom1), entry);
            var doctored = new ViewRenderer(scene).Render(start);
            level.SetSideTexture(side, part, name);
            var clear = Enumerable.Range(0, doctored.Image.Pixels.Length).Where(i => doctored.Image.Pixels[i] == Clear).ToList();

            // Undrawn pixels are counted exactly: a missing upper or lower texture may show the plane behind instead.
            Assert.Equal(clear.Count, doctored.Statistics.UndrawnPixels);
            if (clear.Count == 0)
            {
                continue;
            }

            RenderFixtures.SavePng(doctored, RenderFixtures.Freedoom1Set, "e1m1-start-missing-texture");
            Assert.True(doctored.Statistics.MissingTextureColumns > 0);

            // The hall of mirrors lies where the wall was: every clear pixel was drawn before, in columns that changed.
            Assert.All(clear, i => Assert.NotEqual(Clear, original.Image.Pixels[i]));
            var columns = clear.Select(i => i % 320).Distinct().Order().ToList();
            Assert.True(columns[^1] - columns[0] + 1 <= columns.Count * 2, $"clear columns {columns[0]}..{columns[^1]}, {columns.Count} of them");
            return;
        }

        Assert.Fail("No upper or lower texture in view of E1M1's start left a hall of mirrors when removed.");
    }

    [Fact]
    public void ATextureUnder128HighRepeatsEvery128RowsWithForeignBytesBetweenAsVanillaMasksIt()
    {
        // The eye at 300 of a 600-high room, 160 units from the wall: one texel a row in the middle column. The rows
        // below the middle are compared: there every row steps just under one texel (Doom's 0xffffffff / scale).
        var view = new ViewPoint(352, 256, 0, EyeZ: 300);
        var options = new RenderOptions { FullBright = true, Width = 320, Height = 480 };
        var tall = new ViewRenderer(new TestRoom(Wall: "STARTAN3", Ceiling: 600).Scene(), options).Render(view);
        var shortWall = new ViewRenderer(new TestRoom(Wall: "BIGDOOR1", Ceiling: 600).Scene(), options).Render(view);
        RenderFixtures.SavePng(shortWall, RenderFixtures.Freedoom2Set, "room-bigdoor1-tutti-frutti");
        var tallColumn = LowerColumn(tall, 160);
        var shortColumn = LowerColumn(shortWall, 160);
        Assert.Equal(96, RenderFixtures.Freedoom2Set.FindTexture("BIGDOOR1")!.Height);

        // Both tile every 128 rows (Doom's "& 127")...
        Assert.True(Matching(tallColumn, 128) >= 0.95, $"STARTAN3 repeats at 128 rows in {Matching(tallColumn, 128):P0}");
        Assert.True(Matching(shortColumn, 128) >= 0.95, $"BIGDOOR1 repeats at 128 rows in {Matching(shortColumn, 128):P0}");

        // ...so the 96-high texture does not repeat at its own height: rows 96-127 of each tile are other bytes.
        Assert.True(Matching(shortColumn, 96) < 0.8, $"BIGDOOR1 repeats at 96 rows in {Matching(shortColumn, 96):P0}");
    }

    [Fact]
    public void AThingInFrontOfTheCameraIsDrawnTurnedByItsAngle()
    {
        var empty = new ViewRenderer(new TestRoom().Scene()).Render(new ViewPoint(100, 256, 0));
        var facing = new TestRoom();
        facing.Things.Add((260, 256, 3001, 180));
        var away = new TestRoom();
        away.Things.Add((260, 256, 3001, 0));
        var facingView = new ViewRenderer(facing.Scene()).Render(new ViewPoint(100, 256, 0));
        var awayView = new ViewRenderer(away.Scene()).Render(new ViewPoint(100, 256, 0));
        RenderFixtures.SavePng(facingView, RenderFixtures.Freedoom2Set, "room-imp");

        Assert.Equal(0, facing.Scene().ThingsWithoutSprite);
        Assert.Equal(1, facingView.Statistics.VisSprites.Count);
        var changed = Enumerable.Range(0, empty.Image.Pixels.Length).Where(i => empty.Image.Pixels[i] != facingView.Image.Pixels[i]).ToList();
        Assert.True(changed.Count > 500, $"{changed.Count} pixels changed");
        Assert.All(changed, i => Assert.InRange(i % 320, 110, 210));
        Assert.NotEqual(facingView.Image.Pixels, awayView.Image.Pixels);

        // Behind the camera it is not projected.
        Assert.Equal(0, new ViewRenderer(facing.Scene()).Render(new ViewPoint(400, 256, 0)).Statistics.VisSprites.Count);
    }

    [Fact]
    public void ALevelWithoutNodesIsDrawnFromABuiltTreeMuchAsFromItsOwn()
    {
        var scene = RenderFixtures.E1M1Scene;
        var built = RenderScene.Create(scene.Level, RenderFixtures.Freedoom1Set, BspTree.For(scene.Level, null));
        var start = RenderFixtures.Start(scene);
        Assert.Equal(BspSource.Built, built.Tree.Source);
        Assert.Equal(BspSource.Built, new TestRoom().Scene().Tree.Source);
        foreach (var angle in new[] { 0.0, 90, 180, 270 })
        {
            var view = start with { Angle = start.Angle + angle };
            var own = new ViewRenderer(scene).Render(view).Image.Pixels;
            var fromBuilt = new ViewRenderer(built).Render(view);
            var same = Enumerable.Range(0, own.Length).Count(i => own[i] == fromBuilt.Image.Pixels[i]) / (double)own.Length;
            Assert.True(same >= 0.9, $"at {angle} degrees {same:P1} of the pixels agree");
            Assert.Equal(0, fromBuilt.Image.Pixels.Count(p => p == Clear));
        }
    }

    [Fact]
    public void ViewsCountVisplanesAndReportTheLimitsTheyPassWithoutChangingThePicture()
    {
        var scene = RenderFixtures.E1M1Scene;
        var start = RenderFixtures.Start(scene);
        var vanilla = new ViewRenderer(scene).Render(start);
        var tiny = new RenderLimits { Visplanes = 4, DrawSegs = 8, VisSprites = 1, Openings = 16, SolidSegs = 3 };
        var limited = new ViewRenderer(scene, new RenderOptions { Limits = tiny }).Render(start);

        Assert.True(vanilla.Statistics.Visplanes.Count > 10, $"{vanilla.Statistics.Visplanes.Count} visplanes");
        Assert.True(vanilla.Statistics.DrawSegs.Count > 20);
        Assert.InRange(vanilla.Statistics.SolidSegs.Count, 3, 32);
        Assert.False(vanilla.Statistics.AnyOverflow);
        Assert.Equal(128, vanilla.Statistics.Visplanes.Limit);
        Assert.True(limited.Statistics.Visplanes.Overflowed);
        Assert.True(limited.Statistics.DrawSegs.Overflowed);
        Assert.True(limited.Statistics.Openings.Overflowed);
        Assert.True(limited.Statistics.SolidSegs.Overflowed);
        Assert.True(limited.Statistics.AnyOverflow);
        Assert.Equal(vanilla.Image.Pixels, limited.Image.Pixels);
    }

    [Fact]
    public void ATwoSidedMiddleTextureIsDrawnWithItsHolesShowingTheRoomBehind()
    {
        var options = new RenderOptions { FullBright = true };
        var view = new ViewPoint(100, 256, 0);
        var open = new ViewRenderer(DividedRoom("-"), options).Render(view);
        var grated = new ViewRenderer(DividedRoom("MIDGRATE"), options).Render(view);
        RenderFixtures.SavePng(grated, RenderFixtures.Freedoom2Set, "room-midgrate");
        var grate = Texels(RenderFixtures.Freedoom2Set.ComposeTexture("MIDGRATE")!);

        // The grate (128 high, from the floor to the ceiling 156 units ahead) covers rows 11-142 across the view.
        var region = Enumerable.Range(20 * 320, 110 * 320).ToList();
        var changed = region.Where(i => open.Image.Pixels[i] != grated.Image.Pixels[i]).ToList();
        Assert.InRange(changed.Count, region.Count / 10, region.Count * 9 / 10);
        Assert.All(changed, i => Assert.Contains(grated.Image.Pixels[i], grate));
        Assert.Equal(open.Image.Pixels.AsSpan(0, 5 * 320).ToArray(), grated.Image.Pixels.AsSpan(0, 5 * 320).ToArray());
    }

    [Fact]
    public void ThePlayersEyeIs41AboveTheFloorButStays4UnderALowCeiling()
    {
        var view = new ViewPoint(256, 256, 0);
        var room = new ViewRenderer(new TestRoom().Scene()).Render(view).Image.Pixels;
        Assert.Equal(room, new ViewRenderer(new TestRoom().Scene()).Render(view with { EyeZ = 41 }).Image.Pixels);

        var low = new TestRoom(Ceiling: 40).Scene();
        Assert.Equal(
            new ViewRenderer(low).Render(view with { EyeZ = 36 }).Image.Pixels,
            new ViewRenderer(low).Render(view).Image.Pixels);
    }

    [Fact]
    public void EveryViewFromMap10sThingsRenders()
    {
        // A wall seen almost edge-on from one of these asks for a tangent past its table's end (vanilla reads on into
        // the sine table); the renderer once failed there.
        var scene = RenderFixtures.SceneOf(Fixtures.Freedoom2, "MAP10", RenderFixtures.Freedoom2Set);
        var renderer = new ViewRenderer(scene);
        var views = 0;
        foreach (var thing in scene.Level.Things.Where(t => t.InSinglePlayer))
        {
            for (var angle = 10; angle < 360; angle += 45)
            {
                Assert.True(renderer.Render(new ViewPoint(thing.X, thing.Y, angle)).Statistics.SubsectorsVisited > 0);
                views++;
            }
        }

        Assert.True(views > 1000);
    }

    // Sides ahead of the camera whose upper faces a ceiling below the eye, or whose lower a floor above it: without the
    // texture nothing behind fills the gap (with the far plane on the eye's side, its flat would bleed in instead).
    private static IEnumerable<(int Side, int Part)> HallOfMirrorsCandidates(RenderScene scene, ViewPoint start)
    {
        var level = scene.Level;
        var eye = level.Sectors[scene.SectorAt(start.X, start.Y)].FloorHeight + RenderScene.EyeHeight;
        var facing = start.Angle * Math.PI / 180;
        var candidates = new List<(double Distance, int Side, int Part)>();
        foreach (var line in level.Linedefs.Where(l => l.FrontSide >= 0 && l.BackSide >= 0))
        {
            var a = level.Vertices[line.Start];
            var b = level.Vertices[line.End];
            var (dx, dy) = (((a.X + b.X) / 2) - start.X, ((a.Y + b.Y) / 2) - start.Y);
            var distance = Math.Sqrt((dx * dx) + (dy * dy));
            if (distance > 1024 || ((dx * Math.Cos(facing)) + (dy * Math.Sin(facing))) / Math.Max(1, distance) < 0.8)
            {
                continue;
            }

            foreach (var (side, other) in new[] { (line.FrontSide, line.BackSide), (line.BackSide, line.FrontSide) })
            {
                var beyond = level.Sectors[level.Sidedefs[other].Sector];
                if (!Sidedef.IsNoTexture(level.Sidedefs[side].UpperTexture) && beyond.CeilingHeight < eye)
                {
                    candidates.Add((distance, side, 0));
                }

                if (!Sidedef.IsNoTexture(level.Sidedefs[side].LowerTexture) && beyond.FloorHeight > eye)
                {
                    candidates.Add((distance, side, 1));
                }
            }
        }

        return candidates.OrderBy(c => c.Distance).Select(c => (c.Side, c.Part));
    }

    // A 512-unit square room divided at x = 256 by a two-sided line with the given middle texture on both sides.
    private static RenderScene DividedRoom(string middle)
    {
        var text = new StringBuilder("namespace = \"doom\";\n");
        foreach (var (x, y) in new[] { (0, 0), (0, 512), (256, 512), (512, 512), (512, 0), (256, 0) })
        {
            text.Append(CultureInfo.InvariantCulture, $"vertex {{ x = {x}.0; y = {y}.0; }}\n");
        }

        foreach (var (from, to, sector) in new[] { (0, 1, 0), (1, 2, 0), (5, 0, 0), (2, 3, 1), (3, 4, 1), (4, 5, 1) })
        {
            text.Append(CultureInfo.InvariantCulture, $"linedef {{ v1 = {from}; v2 = {to}; sidefront = {from}; blocking = true; }}\n");
        }

        for (var side = 0; side < 6; side++)
        {
            text.Append(CultureInfo.InvariantCulture, $"sidedef {{ sector = {(side is 2 or 3 or 4 ? 1 : 0)}; texturemiddle = \"STARTAN3\"; }}\n");
        }

        text.Append("linedef { v1 = 2; v2 = 5; sidefront = 6; sideback = 7; twosided = true; }\n");
        text.Append(CultureInfo.InvariantCulture, $"sidedef {{ sector = 0; texturemiddle = \"{middle}\"; }}\nsidedef {{ sector = 1; texturemiddle = \"{middle}\"; }}\n");
        for (var sector = 0; sector < 2; sector++)
        {
            text.Append("sector { heightfloor = 0; heightceiling = 128; texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; lightlevel = 255; }\n");
        }

        var wad = WadFile.Read(WadWriter.Write([("MAP01", []), ("TEXTMAP", Encoding.UTF8.GetBytes(text.ToString())), ("ENDMAP", [])]));
        var entry = LevelDirectory.Find(wad).Single();
        return RenderScene.Create(LevelReader.Read(entry), RenderFixtures.Freedoom2Set, entry);
    }

    private static ViewPoint OutdoorPoint(RenderScene scene)
    {
        var vertices = scene.Level.Vertices;
        for (var x = vertices.Min(v => v.X); x < vertices.Max(v => v.X); x += 32)
        {
            for (var y = vertices.Min(v => v.Y); y < vertices.Max(v => v.Y); y += 32)
            {
                var sector = scene.Level.Sectors[scene.SectorAt(x, y)];
                if (ResourceSet.IsSkyFlat(sector.CeilingFlat) && sector.CeilingHeight - sector.FloorHeight > 128)
                {
                    return new ViewPoint(x, y, 0);
                }
            }
        }

        throw new InvalidOperationException("No outdoor sector found.");
    }

    private static HashSet<byte> Texels(Graphics.IndexedImage image) => [.. image.Pixels];

    private static HashSet<byte> Shades(ResourceSet resources, HashSet<byte> texels)
    {
        var maps = resources.Colormaps!;
        var shades = new HashSet<byte>();
        for (var map = 0; map < 32; map++)
        {
            foreach (var texel in texels)
            {
                shades.Add(maps[(map * 256) + texel]);
            }
        }

        return shades;
    }

    private static byte[] Row(RenderedView view, int y) => view.Image.Pixels.AsSpan(y * view.Image.Width, view.Image.Width).ToArray();

    private static byte[] LowerColumn(RenderedView view, int x) =>
        Enumerable.Range((view.Image.Height / 2) + 1, (view.Image.Height / 2) - 1).Select(y => view.Image.Pixels[(y * view.Image.Width) + x]).ToArray();

    private static double Matching(byte[] column, int period) =>
        Enumerable.Range(0, column.Length - period).Count(y => column[y] == column[y + period]) / (double)(column.Length - period);
}
