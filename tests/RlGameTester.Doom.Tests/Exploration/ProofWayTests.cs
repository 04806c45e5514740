using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// The way the proof search gives for a verdict is the one that got a body as high as the search has it at each cell,
/// so the move a finding names (a running jump "from" somewhere) is one a body can make from there.
/// </summary>
public sealed class ProofWayTests
{
    // freedoom2 MAP17: the island of sector 16 (floor 96) stands in a courtyard 64 to 112 units lower; the way onto it is a
    // running jump off the top of the stairs beside it (sector 11, floor 176), on to the S1 switch at line 860.
    private const int Island = 16;
    private const double SwitchX = -1620;
    private const double SwitchY = -240;

    [Fact]
    public void AJumpOnTheWayTakesOffFromWhereTheBodyIsHighEnough()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP17");
        var model = new LevelModel(level, new LevelGeometry(level), 3);
        var world = new GenerousWorld(model);
        var search = new GenerousSearch(world, TestContext.Current.CancellationToken);
        var start = level.Things.Last(t => t.Type == 1);
        var startCell = model.ArrivalCell(start.X, start.Y);

        var goal = search.Search([(startCell, 480)], (c, _) => Math.Abs(model.Grid.X(c) - SwitchX) <= 32 && Math.Abs(model.Grid.Y(c) - SwitchY) <= 32);

        Assert.True(goal >= 0);
        var way = search.PathTo(goal);
        Assert.Equal(ProofStep.Seed, way[0].Via);
        var onto = way.FindIndex(m => model.Grid.CenterSector[m.Cell] == Island);
        Assert.True(onto > 0);
        Assert.Equal(ProofStep.Jump, way[onto].Via);
        Assert.Equal(96, way[onto].Height);
        // A body lands at most a step above where it took off; until the way was the chain of the visit that set each
        // cell's height, this jump took off from the courtyard 112 units lower.
        Assert.True(way[onto - 1].Height >= way[onto].Height - NavGrid.MaxStepUp, $"took off at {way[onto - 1].Height}");
        for (var k = 1; k < way.Count; k++)
        {
            Assert.True(way[k].Via != ProofStep.Jump || way[k].Height <= way[k - 1].Height + NavGrid.MaxStepUp, $"move {k} lands at {way[k].Height} from {way[k - 1].Height}");
        }
    }

    [Fact]
    public void TheProofJumpsInAZDoomFormatLevelUnlessItsMapinfoSaysNojump()
    {
        var level = LevelReader.Read(WadFile.Read(LevelFormatTests.UdmfWad(LevelFormatTests.SquareRoomTextmap)), "MAP01");
        var nojump = ActorScript.Read([("ZMAPINFO", "defaultmap\n{\n    nojump\n}\n")], _ => null);

        Assert.Equal(36, JumpHeight(level));
        Assert.Equal(0, JumpHeight(level.WithActors(nojump)));
    }

    private static int JumpHeight(Level level) => new GenerousWorld(new LevelModel(level, new LevelGeometry(level), 3)).JumpHeight;
}
