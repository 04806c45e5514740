using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>Where the explorer's sector heights put a moved sector: as Doom's P_Find* searches do.</summary>
public sealed class SectorHeightsTests
{
    [Fact]
    public void ALineWithASectorOnBothSidesMakesItItsOwnNeighbour()
    {
        // freedoom1 E2M1's sector 30 (floor 32, ceiling 80: 48 units of room) is tagged by line 197, W1 "floor lower to
        // highest neighbour floor". Its neighbours are at 16, but a line of it has sector 30 on both sides, so
        // getNextSector gives P_FindHighestFloorSurrounding sector 30 itself: the floor stays at 32 and the way through
        // stays shut. The explorer counted neighbours only, lowered it to 16 and walked through (the validator refuted it).
        var level = ExplorationFixtures.Read(Fixtures.Freedoom1, "E2M1");
        var heights = new SectorHeights(level, new LevelGeometry(level));
        var changes = new List<(int Sector, int Low, int High, int Ceiling, int Special)>();

        heights.Plan(SectorMoves.FindDoom(level.Linedefs[197].Special)!, 30, null, changes);

        var change = Assert.Single(changes);
        Assert.Equal((30, 32, 32, 80), (change.Sector, change.Low, change.High, change.Ceiling));
    }
}
