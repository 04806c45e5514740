using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Doom.Tests.Rendering;

/// <summary>The views an explored path is drawn from: E1M1 explored as the Worker's explorer agent explores it.</summary>
public sealed class PathViewsTests
{
    private static readonly Lazy<(RenderScene Scene, ExplorationResult Result)> E1M1Path = new(() =>
    {
        var scene = RenderFixtures.E1M1Scene;
        return (scene, Explorer.Explore(scene.Level, new LevelGeometry(scene.Level), new ExplorerOptions()));
    });

    [Fact]
    public void EveryViewIsAChosenSampleAndNoneOfE1M1sPathIsAnEmptyScreen()
    {
        var (scene, result) = E1M1Path.Value;
        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).Select(e => e.Tick);
        var chosen = FrameTicks.Choose(positions, 8, 1_000);

        var views = PathViews.Choose(scene, result.Events, 8, 1_000);

        Assert.Subset(chosen.ToHashSet(), views.Select(v => v.Tick).ToHashSet());
        // The doors the explorer opens and the lift it rides are drawn as the level starts them: those views are left out,
        // and they are few.
        Assert.InRange(views.Count, chosen.Count * 8 / 10, chosen.Count - 1);
        var renderer = new ViewRenderer(scene);
        foreach (var (tick, view) in views)
        {
            var pixels = renderer.Render(view).Image.Pixels;
            var clear = pixels.Count(p => p == RenderOptions.DefaultClearIndex);
            Assert.True(clear < pixels.Length / 10, $"tick {tick}: {clear} of {pixels.Length} pixels undrawn");
        }
    }

    [Fact]
    public void RunningViewsEightTicsApartAreAtDifferentEyeHeights()
    {
        // 8 tics at the explorer's 16 units a tic are 128 units, a whole number of flats and texture widths: without
        // the bob, frames along a straight corridor repeat its floor and walls exactly (a false Hall of Mirrors).
        var (scene, result) = E1M1Path.Value;
        var views = PathViews.Choose(scene, result.Events, 8, 1_000);

        var straightRuns = views.Zip(views.Skip(1))
            .Where(p => p.Second.Tick - p.First.Tick == 8 && Distance(p.First.View, p.Second.View) == 128 && p.First.View.Angle == p.Second.View.Angle)
            .ToList();

        Assert.True(straightRuns.Count >= 10, $"only {straightRuns.Count} straight 128-unit runs on the path");
        Assert.All(straightRuns, p => Assert.NotEqual(p.First.View.EyeZ, p.Second.View.EyeZ));
    }

    private static double Distance(ViewPoint a, ViewPoint b) => Math.Round(Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y))), 3);
}
