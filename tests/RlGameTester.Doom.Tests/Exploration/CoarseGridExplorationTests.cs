using System.Collections.Immutable;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Huge maps get a coarser grid (16 units or more), on which the walker's start, teleport arrivals and diagonal steps
/// past corners used to break Doom's rules by more than the validator allows: 11 of the tuning corpus's 16 huge maps
/// were refuted. Freedoom levels made huge by a closed room 14,000 units off play on the 16-unit grid here. A huge map
/// the coarse grid does not finish is played once more on 8-unit cells (Hacx 2 MAP04's ladder, JAMP2 MAP01).
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

    [Fact]
    public void AHugeMapsWayThatFitsOnlyBetweenItsCoarseCellsIsWalkedOnEightUnitCells()
    {
        // The corridor's walls lie at y 40 and 72: a body fits only centred at y 56, between the 16-unit grid's rows.
        var level = WithFarRoom(CorridorLevel(bottom: 40, top: 72));
        Assert.Equal(16, new LevelModel(level, new LevelGeometry(level), 3).Grid.CellSize);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        // Upheld by the validator (the walk into the corridor brushes its corner within the grid's tolerance, as Doom's
        // box slides round it).
        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        // The coarse play stopped at the corridor; the second, on 8-unit cells, went through it.
        Assert.Equal(2, result.Attempts);
        Assert.Contains(result.Events, e => e.Kind == ExplorerEventKind.Position && e.X > 128 && e.X < 256 && e.Y == 56);
        // The same level small enough for 8-unit cells at once is finished by its first play.
        var small = ExplorationFixtures.ExploreEveryTic(CorridorLevel(bottom: 40, top: 72));
        Assert.True(small.ExitReached);
        Assert.Equal(1, small.Attempts);
    }

    [Fact]
    public void AHugeMapsWayTooNarrowOnAnyGridKeepsTheCoarsePlaysVerdict()
    {
        // 30 units between the walls: no body of 32 passes, whatever the grid, so the play on 8-unit cells does not
        // finish either and the coarse play's verdict stands. It is a proof: the generous search's box, half a cell
        // smaller on each side, stands at a cell wherever a body's box fits within half a cell of it, and fits nowhere.
        var level = WithFarRoom(CorridorLevel(bottom: 41, top: 71));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        Assert.Equal(1, result.Attempts);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Position && e.X > 128);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    // A start room (0-128 square), a corridor east between y = bottom and y = top, a room behind it and a walk-over exit.
    private static Level CorridorLevel(int bottom, int top)
    {
        (int X, int Y)[] vertices =
        [
            (0, 0), (0, 128), (128, 128), (128, top), (128, bottom), (128, 0),
            (256, top), (256, bottom), (256, 128), (320, 128), (320, 0), (256, 0), (384, 128), (384, 0),
        ];
        HandLine[] lines =
        [
            new(0, 1, 0), new(1, 2, 0), new(2, 3, 0), new(3, 4, 0, 1), new(4, 5, 0), new(5, 0, 0),
            new(3, 6, 1), new(7, 4, 1), new(6, 7, 1, 2),
            new(6, 8, 2), new(8, 9, 2), new(9, 10, 2, 3, Special: 52), new(10, 11, 2), new(11, 7, 2),
            new(9, 12, 3), new(12, 13, 3), new(13, 10, 3),
        ];
        return HandMadeRuns.Read(HandMadeRuns.Textmap(vertices, lines, [(0, 128, 0), (0, 128, 0), (0, 128, 0), (0, 128, 0)], (32, 32)));
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
