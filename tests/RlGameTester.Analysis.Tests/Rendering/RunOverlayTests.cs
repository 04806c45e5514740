using OpenCvSharp;
using RlGameTester.Analysis.Rendering;
using RlGameTester.Domain.Bugs;
using RlGameTester.Doom.Metadata;
using RlGameTester.TestSupport;
using static RlGameTester.Analysis.Tests.Rendering.RenderedLevels;

namespace RlGameTester.Analysis.Tests.Rendering;

/// <summary>A run drawn over freedoom2's MAP01: the path where it went, the heat where it stayed, the findings where they are.</summary>
public sealed class RunOverlayTests
{
    private static readonly RenderOptions Options = new();

    [Fact]
    public void AKnownPathIsPaintedAndJumpsAndNewEpisodesAreNotJoined()
    {
        var level = Read(Fixtures.Freedoom2)[0];
        var start = LevelMetadata.Create(level).PlayerStarts.Single(s => s.Player == 1);
        using var image = new LevelRenderer(Options).Render(level, extraLegend: RunOverlay.LegendEntries);
        var t = image.Transform;
        using var overlay = new RunOverlay(image, Options);

        // Episode 1 walks east in 16-unit steps, then is teleported 1500 units north; episode 2 walks south from the start.
        var walk = Enumerable.Range(0, 12).Select(i => (X: start.X + (i * 16), Y: start.Y)).ToList();
        var teleported = (X: walk[^1].X, Y: walk[^1].Y + 1500);
        var second = Enumerable.Range(0, 6).Select(i => (X: start.X - 64, Y: start.Y - 32 - (i * 16))).ToList();
        walk.ForEach(p => overlay.Add(p.X, p.Y, 1));
        overlay.Add(teleported.X, teleported.Y, 1);
        second.ForEach(p => overlay.Add(p.X, p.Y, 2));
        overlay.Draw(image, []);

        Assert.Equal(walk.Count + 1 + second.Count, overlay.Positions);
        var path = Colour(MapPalette.Path);
        foreach (var (a, b) in walk.Zip(walk.Skip(1)).Concat(second.Zip(second.Skip(1))))
        {
            Assert.Equal(path, At(image.Canvas, t.ToPixel(a.X, a.Y)));
            Assert.Equal(path, At(image.Canvas, t.ToPixel((a.X + b.X) / 2, (a.Y + b.Y) / 2)));
        }

        Assert.Equal(path, At(image.Canvas, t.ToPixel(teleported.X, teleported.Y)));
        // Not joined: the teleport (longer than MaxPathStep) and the change of episode.
        Assert.NotEqual(path, At(image.Canvas, t.ToPixel(walk[^1].X, walk[^1].Y + 750)));
        Assert.NotEqual(path, At(image.Canvas, t.ToPixel((teleported.X + second[0].X) / 2, (teleported.Y + second[0].Y) / 2)));
    }

    [Fact]
    public void TimeSpentTintsTheLevelAndFindingsAreMarkedOnTopInTheirSeverityColour()
    {
        var level = Read(Fixtures.Freedoom2)[0];
        var start = LevelMetadata.Create(level).PlayerStarts.Single(s => s.Player == 1);
        using var plain = new LevelRenderer(Options).Render(level, extraLegend: RunOverlay.LegendEntries);
        using var image = new LevelRenderer(Options).Render(level, extraLegend: RunOverlay.LegendEntries);
        var t = image.Transform;
        using var overlay = new RunOverlay(image, Options);
        for (var i = 0; i < 50; i++)
        {
            overlay.Add(start.X, start.Y, 1);
        }

        var walk = Enumerable.Range(0, 8).Select(i => (X: start.X + (i * 16), Y: start.Y - 256)).ToList();
        walk.ForEach(p => overlay.Add(p.X, p.Y, 2));
        var critical = new ImageMarker("#7", walk[4].X, walk[4].Y, BugSeverity.Critical);
        var levelFinding = new ImageMarker("#8", start.X + 300, start.Y, BugSeverity.Major, OfLevel: true);
        overlay.Draw(image, [levelFinding, critical]);

        // The run's marker covers the path where they meet; the level's finding is a hollow square in its colour.
        Assert.Equal(Colour(MapPalette.Critical), At(image.Canvas, t.ToPixel(critical.X, critical.Y)));
        Assert.Equal(Colour(MapPalette.Path), At(image.Canvas, t.ToPixel(walk[0].X, walk[0].Y)));
        var square = t.ToPixel(levelFinding.X, levelFinding.Y);
        Assert.Equal(Colour(MapPalette.Major), At(image.Canvas, new Point(square.X - 6, square.Y)));
        Assert.NotEqual(Colour(MapPalette.Major), At(image.Canvas, square));

        // In the heat cell where the run stood, off the path's dot, the dimmed level is tinted.
        var stood = t.ToPixel(start.X, start.Y);
        var cell = Options.HeatCellPixels;
        var area = t.MapArea;
        var cellLeft = area.X + ((stood.X - area.X) / cell * cell);
        var cellTop = area.Y + ((stood.Y - area.Y) / cell * cell);
        int tinted = 0, offPath = 0;
        for (var y = cellTop; y < cellTop + cell; y++)
        {
            for (var x = cellLeft; x < cellLeft + cell; x++)
            {
                if (Math.Abs(x - stood.X) > 1 || Math.Abs(y - stood.Y) > 1)
                {
                    offPath++;
                    tinted += At(image.Canvas, new Point(x, y)) != Dimmed(At(plain.Canvas, new Point(x, y))) ? 1 : 0;
                }
            }
        }

        Assert.True(offPath > 40 && tinted == offPath, $"{tinted} of {offPath} pixels of the visited cell tinted");

        // Elsewhere the level is only dimmed.
        var far = new Point(area.X + 2, area.Y + 2);
        Assert.Equal(Dimmed(At(plain.Canvas, far)), At(image.Canvas, far));
    }

    [Fact]
    public void ARunWithoutPositionsStillShowsItsLevelAndMarkers()
    {
        var level = Read(Fixtures.Freedoom1)[0];
        var start = LevelMetadata.Create(level).PlayerStarts.Single(s => s.Player == 1);
        using var image = new LevelRenderer(Options).Render(level, title: "E1M1 - run 1", extraLegend: RunOverlay.LegendEntries);
        using var overlay = new RunOverlay(image, Options);

        overlay.Draw(image, [new ImageMarker("#1", start.X, start.Y, BugSeverity.Info)]);

        Assert.Equal(0, overlay.Positions);
        Assert.Equal(Colour(MapPalette.Info), At(image.Canvas, image.Transform.ToPixel(start.X, start.Y)));
        using var decoded = Cv2.ImDecode(image.EncodePng(), ImreadModes.Color);
        Assert.Equal(Options.LongestSide, Math.Max(decoded.Width, decoded.Height));
    }

    private static (byte B, byte G, byte R) Dimmed((byte B, byte G, byte R) c) =>
        (Dim(c.B), Dim(c.G), Dim(c.R));

    private static byte Dim(byte value) => (byte)Math.Round(value * RunOverlay.LevelDimming, MidpointRounding.ToEven);

    [Fact]
    public void LabelsOfFindingsAtOnePlaceAreSpreadAroundItWithoutOverlapping()
    {
        var placed = new List<Rect>();
        var centre = new Point(400, 300);

        var origins = Enumerable.Range(580, 6).Select(id => RunOverlay.LabelOrigin($"#{id}", centre, placed)).ToList();

        Assert.Equal(6, placed.Count);
        Assert.Equal(6, origins.Distinct().Count());
        for (var a = 0; a < placed.Count; a++)
        {
            for (var b = a + 1; b < placed.Count; b++)
            {
                Assert.True((placed[a] & placed[b]).Width <= 0, $"labels {a} and {b} overlap: {placed[a]} and {placed[b]}");
            }
        }

        Assert.All(placed, box => Assert.InRange(Math.Abs(box.X + (box.Width / 2) - centre.X), 0, 80));
    }
}
