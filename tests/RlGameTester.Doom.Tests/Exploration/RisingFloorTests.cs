using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Doom raises a floor its speed a tic (T_MovePlane): a platform a walk-over line raises to the ledge beyond it gets there
/// a unit a tic later. Until 2026-12-07 the explorer and the validator both raised it at once, so a run that stepped off
/// the platform onto the ledge as soon as the line was crossed was upheld. Now the validator replays a rising floor tic
/// by tic (a tic's grace either way), as it does one going down, and the explorer waits for a floor on its way before
/// it steps onto or off it.
/// </summary>
public sealed class RisingFloorTests
{
    private const int RaiseLine = 1;
    private const int LedgeFront = 320;

    // Room A (x 0..128, the start), a W1 "floor raise to next higher floor" line (119, tag 1, a unit a tic) at x 128 into
    // corridor B, the platform C (x 256..320, floor 0, tag 1), the ledge D (floor 48) and a walk-over exit (52) at x 384
    // into room E. Crossed at tic 6, C is within a step of D some 24 tics later and up at tic 54.
    private static string Textmap() => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 256), new Room(128, 0, 256), new Room(64, 0, 256, Tag: 1), new Room(64, 48, 256), new Room(64, 48, 256)],
        [(119, 1), (0, 0), (0, 0), (52, 0)]);

    [Fact]
    public void ARunOffThePlatformJustAfterItStartedUpIsRefuted()
    {
        // Onto the ledge at tic 18, when the platform is some 12 units up: a climb of 36.
        var verdict = HandMadeRuns.Validate(Textmap(), [.. HandMadeRuns.Walk(32, 420)], (6, RaiseLine));

        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.StepTooHigh && v.Tick is > 14 and < 22);
    }

    [Theory]
    [InlineData(25, false)]
    [InlineData(40, true)]
    public void AStepOffThePlatformHoldsOnlyOnceItIsWithinAStepOfTheLedge(int arrival, bool upheld)
    {
        // Rides the platform at x 288 (its box on C alone) and steps onto the ledge from the given tic on: C is some 19
        // units up at tic 25 (a climb of 29), 34 at tic 40.
        int[] xs = [.. HandMadeRuns.Walk(32, 288), .. Enumerable.Repeat(288, arrival - 17), .. HandMadeRuns.Walk(304, 420)];
        var verdict = HandMadeRuns.Validate(Textmap(), xs, (6, RaiseLine));

        Assert.Equal(upheld, verdict.Upholds);
    }

    [Fact]
    public void TheExplorerWaitsForThePlatformToBeUpAndIsUpheld()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap()));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var crossed = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == RaiseLine);
        var onTheLedge = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X + 16 > LedgeFront);
        Assert.True(onTheLedge.Tick >= crossed.Tick + 24, $"the body's box reached the ledge at tic {onTheLedge.Tick}, {onTheLedge.Tick - crossed.Tick} tics after its line, before the platform was within a step of it");
    }

    // A stair: corridor B, three steps C, D, E (a W1 "stairs raise by 8", 8, on C's tag at x 128; each step is the
    // sector behind a line the last one fronts, with the same floor flat) to 8, 16 and 24, and the ledge F at 48 (another
    // flat, where the stair stops), a walk-over exit (52) into room G. Doom builds such a stair a quarter of a unit a tic:
    // crossed at tic 6, E is up 96 tics later.
    private static string Stair() => HandMadeRuns.ReplaceFirst(
        HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 256), new Room(128, 0, 256), new Room(32, 0, 256, Tag: 1), new Room(32, 0, 256), new Room(32, 0, 256), new Room(64, 48, 256), new Room(64, 48, 256)],
            [(8, 1), (0, 0), (0, 0), (0, 0), (0, 0), (52, 0)]),
        "heightfloor = 48; heightceiling = 256; texturefloor = \"FLOOR0_1\"",
        "heightfloor = 48; heightceiling = 256; texturefloor = \"FLAT5\"");

    [Fact]
    public void ARunUpAStairStillBuildingIsRefutedAndTheExplorerWaitsForIt()
    {
        // Straight on: onto the ledge at x 352 at tic 21, when E is some 4 up (a climb of 44).
        var early = HandMadeRuns.Validate(Stair(), [.. HandMadeRuns.Walk(32, 440)], (6, RaiseLine));
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Stair()));

        Assert.Contains(early.Refutations, v => v.Rule == TrajectoryRules.StepTooHigh && v.Tick is > 16 and < 24);
        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var crossed = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == RaiseLine);
        var onTheLedge = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X + 16 > 352);
        Assert.True(onTheLedge.Tick >= crossed.Tick + 94, $"the body's box reached the ledge at tic {onTheLedge.Tick}, {onTheLedge.Tick - crossed.Tick} tics after the stair's line");
    }
}
