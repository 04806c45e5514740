using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// What the agent counts as seen: around where it walked, and, standing in the open, what lies in open view (a field, a
/// sea) out to 2048 units, but nothing past a wall or a shut door. The level: a field 3072 units square, and east of it,
/// through a closed door (a Doom door line), a room 512 square.
/// </summary>
public sealed class VisitedBlocksTests
{
    private static readonly Level Level = HandMadeRuns.Read(FieldAndRoom());
    private static readonly LevelGeometry Geometry = new(Level);

    [Fact]
    public void StandingInTheFieldTheAgentSeesAcrossItButNotIntoTheRoomBehindTheDoor()
    {
        var grid = new NavGrid(Level, Geometry, _ => true);
        var blocks = new VisitedBlocks(grid, Level, Geometry);

        blocks.Mark(grid.CellAt(1536, 1536));

        Assert.True(blocks.IsVisited(grid.CellAt(2900, 1536)));
        Assert.True(blocks.IsVisited(grid.CellAt(200, 2900)));
        Assert.False(blocks.IsVisited(grid.CellAt(3344, 1536)));
    }

    [Fact]
    public void BesideAWallOnlyWhatItWalkedPastIsSeen()
    {
        var grid = new NavGrid(Level, Geometry, _ => true);
        var blocks = new VisitedBlocks(grid, Level, Geometry);

        blocks.Mark(grid.CellAt(32, 1536));

        Assert.True(blocks.IsVisited(grid.CellAt(80, 1536)));
        Assert.False(blocks.IsVisited(grid.CellAt(600, 1536)));
    }

    // The field (sector 0), the door (sector 1, shut: ceiling at its floor, a DR door line on the field's side) and the
    // room (sector 2); lines face in.
    private static string FieldAndRoom()
    {
        (int X, int Y)[] vertices =
        [
            (0, 0), (3072, 0), (3072, 1472), (3072, 1600), (3072, 3072), (0, 3072),
            (3088, 1472), (3088, 1600), (3088, 1280), (3600, 1280), (3600, 1792), (3088, 1792),
        ];
        HandLine[] lines =
        [
            new(1, 0, 0), new(2, 1, 0), new(3, 2, 0, 1, Special: 1), new(4, 3, 0), new(5, 4, 0), new(0, 5, 0),
            new(7, 6, 1, 2), new(6, 2, 1), new(3, 7, 1),
            new(8, 6, 2), new(7, 11, 2), new(9, 8, 2), new(10, 9, 2), new(11, 10, 2),
        ];
        return HandMadeRuns.Textmap(vertices, lines, [(0, 256, 0), (0, 0, 0), (0, 256, 0)], (64, 1536));
    }
}
