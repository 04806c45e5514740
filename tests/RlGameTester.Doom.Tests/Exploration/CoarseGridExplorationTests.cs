using System.Collections.Immutable;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Huge maps get a coarser grid (16 units or more), on which the walker's start, teleport arrivals and diagonal steps
/// past corners used to break Doom's rules by more than the validator allows: 11 of the tuning corpus's 16 huge maps
/// were refuted. Freedoom levels made huge by a closed room 14,000 units off play on the 16-unit grid here.
/// </summary>
public sealed class CoarseGridExplorationTests
{
    private const double FarOff = 14_000;

    [Theory]
    [InlineData("freedoom2", "MAP01")]
    [InlineData("freedoom2", "MAP02")]
    [InlineData("freedoom1", "E1M1")]
    public void AHugeMapsRunStartsOnTheStartsSpotAndItsFinishIsUpheld(string wad, string name)
    {
        var level = WithFarRoom(ExplorationFixtures.Read(wad == "freedoom1" ? Fixtures.Freedoom1 : Fixtures.Freedoom2, name));
        Assert.Equal(16, new LevelModel(level, new LevelGeometry(level), 3).Grid.CellSize);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        var start = level.Things.Last(t => t.Type == 1);
        var first = result.Events.First(e => e.Kind == ExplorerEventKind.Position);
        Assert.Equal((start.X, start.Y), (first.X, first.Y));
        Assert.True(result.ExitReached, string.Join("; ", result.Validation!.Refutations.Select(v => $"tic {v.Tick}: {v.Message}")));
        Assert.Empty(result.Validation!.Refutations);
    }

    // A closed 64x64 room far beyond the level's north-east corner: nothing leads there, but the grid spans it.
    private static Level WithFarRoom(Level level)
    {
        var x = level.Vertices.Max(v => v.X) + FarOff;
        var y = level.Vertices.Max(v => v.Y) + FarOff;
        var v0 = level.Vertices.Length;
        var s0 = level.Sidedefs.Length;
        var sector = level.Sectors.Length;
        var vertices = level.Vertices.AddRange(new Vertex(x, y), new Vertex(x, y + 64), new Vertex(x + 64, y + 64), new Vertex(x + 64, y));
        var sides = level.Sidedefs.AddRange(Enumerable.Repeat(new Sidedef(0, 0, "-", "-", "STARTAN3", sector), 4));
        // Clockwise, so each line's right (front) side faces into the room.
        var lines = level.Linedefs.AddRange(Enumerable.Range(0, 4).Select(i =>
            new Linedef(v0 + i, v0 + ((i + 1) % 4), LinedefFlags.Impassable, 0, 0, 0, default, LineActivation.None, s0 + i, -1)));
        var sectors = level.Sectors.Add(new Sector(0, 128, "FLOOR0_1", "CEIL1_1", 160, 0, 0));
        return new Level(level.Name, level.Format, level.UdmfNamespace, level.Things, lines, sides, vertices, sectors,
            level.HasScripts, level.UsesDoomSpecials, level.ReadProblems);
    }
}
