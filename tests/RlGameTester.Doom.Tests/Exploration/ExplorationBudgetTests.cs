using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Past half its tick limit the agent goes for what opens the way on before looking round further. The level: a field
/// 2048 units square, its start in the south-west corner, and on its east side a door (tag 5) that a switch on the
/// door's own line opens (S1), with a walk-over exit line behind it. Looking round the whole field takes some 2,000 tics.
/// </summary>
public sealed class ExplorationBudgetTests
{
    private static readonly Level Level = HandMadeRuns.Read(FieldWithADoor());

    [Fact]
    public void WithTooFewTicsToLookRoundTheAgentOpensTheDoorInTimeAndLeaves()
    {
        // 1,000 tics: at 500 the agent presses the door's switch instead of looking round on until the limit and then
        // finding the exit shut (JAMP2 MAP04's agent spent the whole limit looking round a sea).
        var result = Explorer.Explore(Level, new LevelGeometry(Level), new ExplorerOptions { TickLimit = 1000, PositionInterval = 1 }, TestContext.Current.CancellationToken);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var press = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == 2);
        Assert.InRange(press.Tick, 500, 1000);
    }

    [Fact]
    public void WithTimeToSpareTheAgentLooksRoundFirst()
    {
        var result = ExplorationFixtures.ExploreEveryTic(Level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var press = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == 2);
        Assert.True(press.Tick > 1000, $"pressed at {press.Tick}");
    }

    // The field (sector 0), the door (sector 1, shut, tag 5; its west line, line 2, carries S1 Door open and stay) and the
    // exit room (sector 2) past a W1 Exit line; lines face in.
    private static string FieldWithADoor()
    {
        (int X, int Y)[] vertices =
        [
            (0, 0), (2048, 0), (2048, 960), (2048, 1088), (2048, 2048), (0, 2048),
            (2064, 960), (2064, 1088), (2064, 896), (2320, 896), (2320, 1152), (2064, 1152),
        ];
        HandLine[] lines =
        [
            new(1, 0, 0), new(2, 1, 0), new(3, 2, 0, 1, Special: 103, Tag: 5), new(4, 3, 0), new(5, 4, 0), new(0, 5, 0),
            new(7, 6, 1, 2, Special: 52), new(6, 2, 1), new(3, 7, 1),
            new(8, 6, 2), new(7, 11, 2), new(9, 8, 2), new(10, 9, 2), new(11, 10, 2),
        ];
        return HandMadeRuns.Textmap(vertices, lines, [(0, 128, 0), (0, 0, 5), (0, 128, 0)], (64, 64));
    }
}
