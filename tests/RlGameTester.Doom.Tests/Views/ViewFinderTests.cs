using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;
using RlGameTester.Doom.Resources;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Rendering;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Views;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Views;

public sealed class ViewFinderTests
{
    private const byte Clear = RenderOptions.DefaultClearIndex;

    [Fact]
    public void AMissingWallTextureIsSeenFromInFrontOfItsSideAsAHallOfMirrorsInTheMiddleOfTheView()
    {
        var original = LevelReader.Read(LevelDirectory.Find(Fixtures.Freedoom1).First(e => e.Name == "E1M1"));
        // Long one-sided walls, in index order: the first few a missing texture is reported on.
        var walls = Enumerable.Range(0, original.Linedefs.Length)
            .Where(i => original.Linedefs[i].BackSide < 0 && original.Linedefs[i].FrontSide >= 0 && Length(original, i) >= 128)
            .Take(6).ToList();
        Assert.NotEmpty(walls);
        foreach (var line in walls)
        {
            var side = original.Linedefs[line].FrontSide;
            var edit = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
            edit.SetSideTexture(side, 2, "-");
            var wad = WadFile.Read(edit.ToWad());
            var entry = LevelDirectory.Find(wad).Single();
            var level = LevelReader.Read(entry);
            var resources = ResourceSet.Create(wad, Fixtures.Freedoom1);
            var geometry = new LevelGeometry(level);
            var finding = LevelChecker.Check(level, resources, geometry, new CheckOptions())
                .Single(f => f.Check == CheckNames.MissingTexture && f.Element == ElementKind.Side && f.Index == side);

            var chosen = new ViewFinder(geometry).Choose(new ViewTarget(finding.Element, finding.Index, finding.X, finding.Y));

            Assert.NotNull(chosen);
            var spot = chosen.View;
            AssertStandable(level, geometry, spot, chosen.Sector);
            Assert.True(RightOf(geometry, line, spot.X, spot.Y) > 0, $"line {line}: the camera stands behind the wall's front side");
            var view = new ViewRenderer(RenderScene.Create(level, resources, entry)).Render(spot);
            RenderFixtures.SavePng(view, RenderFixtures.Freedoom1Set, $"e1m1-missing-middle-line{line}");
            var central = CentralClear(view.Image);
            Assert.True(central > 100, $"line {line}: {central} clear pixels in the middle columns of the view from ({spot.X:0}, {spot.Y:0}) at {spot.Angle:0}");
        }
    }

    [Fact]
    public void AMissingTextureBesideASectorThatMayMoveIsToldApartFromOneOnAFixedWall()
    {
        // The scene is the level as it starts: a wall of a lift or door may look otherwise when a player stands there.
        var seen = new Dictionary<bool, RenderStatistics>();
        foreach (var name in new[] { "E1M1", "E1M2", "E1M3" })
        {
            var original = LevelReader.Read(LevelDirectory.Find(Fixtures.Freedoom1).First(e => e.Name == name));
            var movable = MovableSectors.Of(original);
            var walls = Enumerable.Range(0, original.Linedefs.Length)
                .Where(i => original.Linedefs[i].BackSide < 0 && original.Linedefs[i].FrontSide >= 0 && Length(original, i) >= 64)
                .Select(i => (Line: i, Sector: original.Sidedefs[original.Linedefs[i].FrontSide].Sector))
                .Where(w => original.Sectors[w.Sector].CeilingHeight - original.Sectors[w.Sector].FloorHeight >= ViewFinder.PlayerHeight)
                .ToList();
            foreach (var (line, sector) in walls)
            {
                if (seen.ContainsKey(movable[sector]))
                {
                    continue;
                }

                var side = original.Linedefs[line].FrontSide;
                var edit = new EditableLevel(Fixtures.Freedoom1Data, name);
                edit.SetSideTexture(side, 2, "-");
                var wad = WadFile.Read(edit.ToWad());
                var entry = LevelDirectory.Find(wad).Single();
                var level = LevelReader.Read(entry);
                var geometry = new LevelGeometry(level);
                var (a, b) = (level.Vertices[level.Linedefs[line].Start], level.Vertices[level.Linedefs[line].End]);
                if (new ViewFinder(geometry).Choose(new ViewTarget(ElementKind.Side, side, (a.X + b.X) / 2.0, (a.Y + b.Y) / 2.0)) is not { } chosen)
                {
                    continue;
                }

                var view = new ViewRenderer(RenderScene.Create(level, ResourceSet.Create(wad, Fixtures.Freedoom1), entry)).Render(chosen.View);
                if (view.Statistics.UndrawnPixels > 0)
                {
                    seen[movable[sector]] = view.Statistics;
                }
            }
        }

        Assert.True(seen.ContainsKey(true) && seen.ContainsKey(false), $"walls of each kind in view of a standing place: {string.Join(", ", seen.Keys)}");
        Assert.Equal(0, seen[false].MissingTextureColumnsAtMovers);
        Assert.True(seen[true].MissingTextureColumnsAtMovers > 0);
    }

    [Theory]
    [InlineData("MAP12")] // lower textures missing in a narrow trench
    [InlineData("MAP18")] // upper textures missing on sides facing sectors whose ceiling is below their floor
    public void EveryStaticFindingOfAnElementGetsAView(string levelName)
    {
        var entry = LevelDirectory.Find(Fixtures.Freedoom2).First(e => e.Name == levelName);
        var level = LevelReader.Read(entry);
        var geometry = new LevelGeometry(level);
        var findings = LevelChecker.Check(level, RenderFixtures.Freedoom2Set, geometry, new CheckOptions()).Where(f => f.Element != ElementKind.Level).ToList();
        Assert.NotEmpty(findings);

        var finder = new ViewFinder(geometry);
        var without = findings.Where(f => finder.Choose(new ViewTarget(f.Element, f.Index, f.X, f.Y)) is null).Select(f => $"{f.Check} {f.Element} {f.Index}").ToList();
        Assert.Empty(without);
    }

    [Fact]
    public void AStepIsLookedAtFromItsLowerSide()
    {
        var level = LevelReader.Read(LevelDirectory.Find(Fixtures.Freedoom1).First(e => e.Name == "E1M1"));
        var geometry = new LevelGeometry(level);
        var steps = Enumerable.Range(0, level.Linedefs.Length).Where(i =>
        {
            var l = level.Linedefs[i];
            return l.FrontSide >= 0 && l.BackSide >= 0 && Length(level, i) >= 64
                && Math.Abs(Floor(level, l.FrontSide) - Floor(level, l.BackSide)) is >= 8 and <= 24;
        }).Take(5).ToList();
        Assert.NotEmpty(steps);
        foreach (var line in steps)
        {
            var l = level.Linedefs[line];
            var (mx, my) = geometry.Midpoint(line);
            var chosen = new ViewFinder(geometry).Choose(new ViewTarget(ElementKind.Line, line, mx, my));

            Assert.NotNull(chosen);
            AssertStandable(level, geometry, chosen.View, chosen.Sector);
            var lowerIsFront = Floor(level, l.FrontSide) < Floor(level, l.BackSide);
            Assert.Equal(lowerIsFront, RightOf(geometry, line, chosen.View.X, chosen.View.Y) > 0);
        }
    }

    [Fact]
    public void AThingIsSeenFromInFrontAndTheSameTargetGivesTheSameView()
    {
        var level = LevelReader.Read(LevelDirectory.Find(Fixtures.Freedoom2).First(e => e.Name == "MAP01"));
        var geometry = new LevelGeometry(level);
        var found = 0;
        for (var i = 0; i < level.Things.Length && found < 10; i++)
        {
            var thing = level.Things[i];
            var target = new ViewTarget(ElementKind.Thing, i, thing.X, thing.Y);
            if (new ViewFinder(geometry).Choose(target) is not { } chosen)
            {
                continue;
            }

            found++;
            AssertStandable(level, geometry, chosen.View, chosen.Sector);
            Assert.Equal(chosen, new ViewFinder(geometry).Choose(target));
            Assert.Equal((thing.X, thing.Y), (chosen.FocusX, chosen.FocusY));
            // Facing the thing: the focus is straight ahead.
            var bearing = Math.Atan2(thing.Y - chosen.View.Y, thing.X - chosen.View.X) * 180 / Math.PI;
            Assert.True(Math.Abs(Math.IEEERemainder(bearing - chosen.View.Angle, 360)) < 0.001);
        }

        Assert.True(found >= 8, $"only {found} of MAP01's first things got a view");
    }

    [Fact]
    public void AnExplorersPlaceIsStoodAtFacingTheBlocker()
    {
        var level = LevelReader.Read(LevelDirectory.Find(Fixtures.Freedoom1).First(e => e.Name == "E1M1"));
        var geometry = new LevelGeometry(level);
        var start = level.Things.Last(t => t.Type == 1);
        // A finding of the whole level at the place the play stopped: the view is from there.
        var chosen = new ViewFinder(geometry).Choose(new ViewTarget(ElementKind.Level, null, start.X, start.Y, StandsAtPlace: true));

        Assert.NotNull(chosen);
        Assert.Equal((start.X, start.Y), (chosen.View.X, chosen.View.Y));
        Assert.Equal(geometry.SectorAt(start.X, start.Y), chosen.Sector);
    }

    [Fact]
    public void AnUnknownElementOrAPlaceInTheVoidHasNoView()
    {
        var level = LevelReader.Read(LevelDirectory.Find(Fixtures.Freedoom1).First(e => e.Name == "E1M1"));
        var geometry = new LevelGeometry(level);
        var finder = new ViewFinder(geometry);

        Assert.Null(finder.Choose(new ViewTarget(ElementKind.Level, null, geometry.Bounds.MaxX + 10_000, geometry.Bounds.MaxY + 10_000)));
        Assert.NotNull(finder.Choose(new ViewTarget(ElementKind.Side, level.Sidedefs.Length + 5, level.Things[0].X, level.Things[0].Y)));
    }

    private static void AssertStandable(Level level, LevelGeometry geometry, ViewPoint spot, int sector)
    {
        Assert.Equal(sector, geometry.SectorAt(spot.X, spot.Y));
        var s = level.Sectors[sector];
        Assert.True(s.CeilingHeight - s.FloorHeight >= ViewFinder.PlayerHeight);
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            if (level.Linedefs[i].BackSide < 0)
            {
                Assert.True(DistanceTo(geometry, i, spot.X, spot.Y) >= ViewFinder.BodyRadius, $"wall {i} is within the body of ({spot.X:0}, {spot.Y:0})");
            }
        }
    }

    // Clear pixels in the middle third of the columns.
    private static int CentralClear(Graphics.IndexedImage image)
    {
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = image.Width / 3; x < image.Width * 2 / 3; x++)
            {
                count += image.Pixels[(y * image.Width) + x] == Clear ? 1 : 0;
            }
        }

        return count;
    }

    private static int Floor(Level level, int side) => level.Sectors[level.Sidedefs[side].Sector].FloorHeight;

    private static double Length(Level level, int line)
    {
        var (a, b) = (level.Vertices[level.Linedefs[line].Start], level.Vertices[level.Linedefs[line].End]);
        return Math.Sqrt(((b.X - a.X) * (b.X - a.X)) + ((b.Y - a.Y) * (b.Y - a.Y)));
    }

    // Positive on the line's front (right-hand) side.
    private static double RightOf(LevelGeometry geometry, int line, double x, double y)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        return -(((x2 - x1) * (y - y1)) - ((y2 - y1) * (x - x1)));
    }

    private static double DistanceTo(LevelGeometry geometry, int line, double x, double y)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        var (dx, dy) = (x2 - x1, y2 - y1);
        var t = Math.Clamp((((x - x1) * dx) + ((y - y1) * dy)) / Math.Max((dx * dx) + (dy * dy), 1e-9), 0, 1);
        return Math.Sqrt(Math.Pow(x - (x1 + (t * dx)), 2) + Math.Pow(y - (y1 + (t * dy)), 2));
    }
}
