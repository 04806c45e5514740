using OpenCvSharp;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Specials;
using RlGameTester.TestSupport;
using static RlGameTester.Analysis.Tests.Rendering.RenderedLevels;
using CvScalar = OpenCvSharp.Scalar;

namespace RlGameTester.Analysis.Tests.Rendering;

/// <summary>Top-down images of real levels: every one draws, and the pixels where things are have their colours.</summary>
public sealed class LevelRendererTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> AllWads => Wads;

    public static TheoryData<string> Freedoom => new() { Fixtures.Freedoom1, Fixtures.Freedoom2 };

    [Theory]
    [MemberData(nameof(AllWads))]
    public void EveryLevelRendersALosslessPngOfTheConfiguredSize(string wad)
    {
        var renderer = new LevelRenderer(new RenderOptions { LongestSide = 1024 });
        var levels = Read(wad);
        Assert.NotEmpty(levels);

        foreach (var level in levels)
        {
            using var image = renderer.Render(level);
            var png = image.EncodePng();

            Assert.Equal(PngSignature, png[..8]);
            using var decoded = Cv2.ImDecode(png, ImreadModes.Color);
            Assert.Equal((image.Width, image.Height), (decoded.Width, decoded.Height));
            Assert.Equal(1024, Math.Max(decoded.Width, decoded.Height));
            using var difference = new Mat();
            Cv2.Absdiff(decoded, image.Canvas, difference);
            Assert.Equal(0, Cv2.CountNonZero(difference.Reshape(1)));

            // The whole map lies inside the map area, north up.
            var bounds = new LevelGeometry(level).Bounds;
            var area = image.Transform.MapArea;
            Assert.True(area.Contains(image.Transform.ToPixel(bounds.MinX, bounds.MaxY)), $"{level.Name}: north-west corner outside {area}");
            Assert.True(area.Contains(image.Transform.ToPixel(bounds.MaxX, bounds.MinY)), $"{level.Name}: south-east corner outside {area}");
            Assert.True(image.Transform.ToPixel(bounds.MinX, bounds.MaxY).Y < image.Transform.ToPixel(bounds.MinX, bounds.MinY).Y);
        }
    }

    [Theory]
    [MemberData(nameof(Freedoom))]
    public void StartsExitsKeysSectorsAndTheVoidHaveTheirColours(string wad)
    {
        var renderer = new LevelRenderer(new RenderOptions());
        int starts = 0, exits = 0, keys = 0, voids = 0, tinted = 0, floors = 0;
        foreach (var level in Read(wad))
        {
            var geometry = new LevelGeometry(level);
            var metadata = LevelMetadata.Create(level, geometry);
            using var image = renderer.Render(level, geometry, metadata);
            var t = image.Transform;

            // Player 1's start is drawn last: its pixel has the start's colour.
            foreach (var start in metadata.PlayerStarts.Where(s => s.Player == 1))
            {
                Assert.Equal(Colour(MapPalette.Player1Start), At(image.Canvas, t.ToPixel(start.X, start.Y)));
                starts++;
            }

            // Only keys, boss rings and starts are drawn after exit lines: away from them, an exit line's midpoint is the exit's colour.
            using (var later = Mask(image, level, metadata, starts: true, keys: true))
            {
                using var normalExits = new Mat(image.Height, image.Width, MatType.CV_8UC1, CvScalar.All(0));
                foreach (var exit in metadata.Exits.Where(e => e is { LineIndex: not null, Kind: ExitKind.Normal }))
                {
                    var (x1, y1, x2, y2) = geometry.Segment(exit.LineIndex!.Value);
                    Cv2.Line(normalExits, t.ToPixel(x1, y1), t.ToPixel(x2, y2), CvScalar.All(255), 7);
                }

                foreach (var exit in metadata.Exits.Where(e => e.LineIndex is not null))
                {
                    var pixel = t.ToPixel(exit.X, exit.Y);
                    if (later.At<byte>(pixel.Y, pixel.X) != 0 || (exit.Kind == ExitKind.Secret && normalExits.At<byte>(pixel.Y, pixel.X) != 0))
                    {
                        continue;
                    }

                    var expected = exit.Kind == ExitKind.Secret ? MapPalette.SecretExit : MapPalette.Exit;
                    Assert.True(Colour(expected) == At(image.Canvas, pixel), $"{level.Name}: exit line {exit.LineIndex} at {pixel} is {At(image.Canvas, pixel)}");
                    exits++;
                }
            }

            // A key's place has its colour unless a start or another key is drawn over it.
            foreach (var key in metadata.Keys)
            {
                var pixel = t.ToPixel(key.X, key.Y);
                var crowded = metadata.PlayerStarts.Any(s => Near(t.ToPixel(s.X, s.Y), pixel, 26))
                    || level.Things.Any(th => ThingTypes.Find(th.Type)?.Category == ThingCategory.DeathmatchStart && Near(t.ToPixel(th.X, th.Y), pixel, 16))
                    || metadata.Keys.Any(k => k != key && Near(t.ToPixel(k.X, k.Y), pixel, 9));
                if (!crowded)
                {
                    Assert.Equal(Colour(MapPalette.OfKey(key.Key)!.Value), At(image.Canvas, pixel));
                    keys++;
                }
            }

            // Away from every line and thing: the void is background, and a sector shows its tint or a floor grey.
            var features = LevelFeatures.Classify(level, geometry, metadata);
            using var drawn = Mask(image, level, metadata, starts: true, keys: true, lines: geometry, things: true);
            var area = t.MapArea;
            for (var y = area.Top + 3; y < area.Bottom - 3; y += 9)
            {
                for (var x = area.Left + 3; x < area.Right - 3; x += 9)
                {
                    if (drawn.At<byte>(y, x) != 0)
                    {
                        continue;
                    }

                    var (mx, my) = t.ToMap(x, y);
                    var sector = geometry.SectorAt(mx, my);
                    var colour = At(image.Canvas, new Point(x, y));
                    if (sector < 0)
                    {
                        Assert.True(Colour(MapPalette.Background) == colour, $"{level.Name}: void pixel ({x}, {y}) is {colour}");
                        voids++;
                        continue;
                    }

                    var tint = features.Sectors[sector] switch
                    {
                        SectorKind.Exit => MapPalette.ExitSector,
                        SectorKind.Damaging => MapPalette.DamagingFloor,
                        SectorKind.Secret => MapPalette.SecretSector,
                        SectorKind.Door => MapPalette.DoorSector,
                        SectorKind.Lift => MapPalette.LiftSector,
                        _ => (CvScalar?)null,
                    };
                    if (tint is { } expected)
                    {
                        Assert.True(Colour(expected) == colour, $"{level.Name}: sector {sector} ({features.Sectors[sector]}) at ({x}, {y}) is {colour}");
                        tinted++;
                    }
                    else
                    {
                        Assert.InRange(colour.R, (byte)MapPalette.FloorLow.Val2, (byte)MapPalette.FloorHigh.Val2);
                        Assert.InRange(colour.B, (byte)MapPalette.FloorLow.Val0, (byte)MapPalette.FloorHigh.Val0);
                        floors++;
                    }
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{Path.GetFileName(wad)}: {starts} starts, {exits} exit lines, {keys} keys, {voids} void, {floors} floor and {tinted} tinted pixels checked");

        // Every level of an IWAD has a player 1 start; most have a reachable exit line, keys, and void around them.
        Assert.True(starts >= 32, $"{starts} starts checked");
        Assert.True(exits >= 25, $"{exits} exit lines checked");
        Assert.True(keys >= 30, $"{keys} keys checked");
        Assert.True(voids > 1000 && floors > 1000 && tinted > 100, $"{voids} void, {floors} floor and {tinted} tinted pixels checked");
    }

    [Fact]
    public void StepsTooHighToClimbAreWarningLinesAndLowOnesAreSteps()
    {
        var level = Read(Fixtures.Freedoom2)[0];
        var geometry = new LevelGeometry(level);
        var features = LevelFeatures.Classify(level, geometry, LevelMetadata.Create(level, geometry));

        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            if (line.Special != 0 || line.FrontSide < 0 || line.BackSide < 0 || features.Lines[i] is LineKind.Door or LineKind.LockedDoor or LineKind.Lift)
            {
                continue;
            }

            var step = Math.Abs(level.Sectors[level.Sidedefs[line.FrontSide].Sector].FloorHeight - level.Sectors[level.Sidedefs[line.BackSide].Sector].FloorHeight);
            var expected = step == 0 ? LineKind.Level : step <= 24 ? LineKind.Step : LineKind.HighStep;
            Assert.Equal(expected, features.Lines[i]);
        }

        Assert.Contains(LineKind.HighStep, features.Lines);
        Assert.Contains(LineKind.Step, features.Lines);
        Assert.Contains(LineKind.Door, features.Lines);
        Assert.Contains(LineKind.Exit, features.Lines);
    }

    [Fact]
    public void TheTransformMapsBackAndPutsNorthUp()
    {
        var bounds = new MapBounds(-1000, 200, 3000, 2200);
        var t = MapTransform.Fit(bounds, new Rect(16, 60, 1000, 800));

        // Scale 999 / 4000 (the width fills the area); the map is centred vertically: 60 + (799 - 499.5) / 2 = 209.75.
        Assert.Equal(new Point(16, 210), t.ToPixel(-1000, 2200));
        Assert.Equal(new Point(16 + 999, 709), t.ToPixel(3000, 200));
        var (x, y) = t.ToMap(t.ToPixel(1234, 567).X, t.ToPixel(1234, 567).Y);
        Assert.InRange(x, 1234 - (1 / t.Scale), 1234 + (1 / t.Scale));
        Assert.InRange(y, 567 - (1 / t.Scale), 567 + (1 / t.Scale));
    }

    private static bool Near(Point a, Point b, int pixels) => Math.Abs(a.X - b.X) <= pixels && Math.Abs(a.Y - b.Y) <= pixels;

    /// <summary>Where something is drawn over the floor: a generous mask around what the test says.</summary>
    private static Mat Mask(LevelImage image, Level level, LevelMetadata metadata, bool starts, bool keys, LevelGeometry? lines = null, bool things = false)
    {
        var t = image.Transform;
        var mask = new Mat(image.Height, image.Width, MatType.CV_8UC1, CvScalar.All(0));
        if (lines is not null)
        {
            for (var i = 0; i < level.Linedefs.Length; i++)
            {
                var (x1, y1, x2, y2) = lines.Segment(i);
                Cv2.Line(mask, t.ToPixel(x1, y1), t.ToPixel(x2, y2), CvScalar.All(255), 9);
            }
        }

        foreach (var thing in level.Things)
        {
            var radius = ThingTypes.Find(thing.Type)?.Category is ThingCategory.PlayerStart or ThingCategory.DeathmatchStart ? (starts ? 26 : 0) : things ? 12 : 0;
            if (radius > 0)
            {
                Cv2.Circle(mask, t.ToPixel(thing.X, thing.Y), radius, CvScalar.All(255), -1);
            }
        }

        foreach (var key in keys ? metadata.Keys : [])
        {
            Cv2.Circle(mask, t.ToPixel(key.X, key.Y), 10, CvScalar.All(255), -1);
        }

        foreach (var exit in metadata.Exits.Where(e => e.Trigger == ExitTrigger.BossDeath))
        {
            Cv2.Circle(mask, t.ToPixel(exit.X, exit.Y), 15, CvScalar.All(255), -1);
        }

        return mask;
    }
}
