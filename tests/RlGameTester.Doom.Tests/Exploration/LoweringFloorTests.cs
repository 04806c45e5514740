using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Doom lowers a floor its speed a tic (T_MovePlane), from the tic its line is set off until it gets there. Until
/// 2026-12-07 the explorer and the validator both moved it at once, so a run that walked over a floor a walk-over line
/// had just begun to lower, still well above a step, was upheld. Now the validator replays the floor tic by tic (a tic's
/// grace either way) and the explorer waits for a floor on its way down before it steps onto it, off it, or takes an
/// item riding it.
/// </summary>
public sealed class LoweringFloorTests
{
    private const int LowerLine = 1;

    // Room A (x 0..128, the start), a W1 "floor lower to lowest neighbour floor" line (38, tag 1, a unit a tic) at x 128
    // into corridor B (floor 0), the block C (x 256..320, floor 128, tag 1) and room D beyond with a walk-over exit (52)
    // at x 384 into room E. Crossed at tic 6, C is 24 above B at tic 110 and down at tic 134.
    private static string Textmap() => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 256), new Room(128, 0, 256), new Room(64, 128, 256, Tag: 1), new Room(64, 0, 256), new Room(64, 0, 256)],
        [(38, 1), (0, 0), (0, 0), (52, 0)]);

    [Fact]
    public void ARunOntoTheFloorJustAfterItStartedDownIsRefuted()
    {
        // At C's edge (x 240) at tic 13: C is some 120 units up, not 0.
        var verdict = HandMadeRuns.Validate(Textmap(), [.. HandMadeRuns.Walk(32, 420)], (6, LowerLine));

        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.StepTooHigh && v.Tick is > 10 and < 20);
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(116, true)]
    public void AStepOntoTheFloorHoldsOnlyOnceItIsWithinAStepOfTheCorridor(int arrival, bool upheld)
    {
        // Waits at x 224 (its box clear of C) and steps on at about the given tic: C is 34 up at tic 100, 18 at tic 116.
        int[] xs = [.. HandMadeRuns.Walk(32, 224), .. Enumerable.Repeat(224, arrival - 13), .. HandMadeRuns.Walk(240, 420)];
        var verdict = HandMadeRuns.Validate(Textmap(), xs, (6, LowerLine));

        Assert.Equal(upheld, verdict.Upholds);
    }

    [Fact]
    public void TheExplorerWaitsForTheFloorToBeDownAndIsUpheld()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap()));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var onTheBlock = result.Events.First(e => e.Kind == Doom.Exploration.ExplorerEventKind.Position && e.X + 16 > 256);
        Assert.True(onTheBlock.Tick >= 134, $"the body's box reached the block at tic {onTheBlock.Tick}, before it was down");
    }

    [Fact]
    public void AJumpOntoAFloorOnItsWayDownWaitsForItToBeDown()
    {
        // GZDoom's jump (a UDMF level): C goes down from 128 to D's 48 (19, lower to the highest neighbour floor, a unit a
        // tic), a ledge 48 above the corridor that a jump climbs, once C is down (tic 88), not while it is 100 up.
        var level = HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 256), new Room(128, 0, 256), new Room(64, 128, 256, Tag: 1), new Room(64, 48, 256), new Room(64, 48, 256)],
            [(19, 1), (0, 0), (0, 0), (52, 0)]));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var jump = Assert.Single(result.Events, e => e.Kind == Doom.Exploration.ExplorerEventKind.Jump);
        Assert.True(jump.Tick >= 88, $"the jump onto C at tic {jump.Tick}, before it was down");
    }

    [Fact]
    public void ALaterMoveOfTheSameFloorEndsItsWayDownAsTheExplorerPlaysIt()
    {
        // A second walk-over line at x 192 raises C's floor by 24 (58) at tic 10: the explorer moves both at once and
        // walks onto C at 24 up, and the validator, which lowers C tic by tic, ends that travel with the later move. Doom
        // would ignore the raise while the floor is on its way down (one mover a sector: a gap the Doom README names).
        var textmap = HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 256), new Room(64, 0, 256), new Room(64, 0, 256), new Room(64, 128, 256, Tag: 1), new Room(64, 0, 256), new Room(64, 0, 256)],
            [(38, 1), (58, 1), (0, 0), (0, 0), (52, 0)]);

        var verdict = HandMadeRuns.Validate(textmap, [.. HandMadeRuns.Walk(32, 420)], (6, LowerLine), (10, 2));

        Assert.True(verdict.Upholds, string.Join("; ", verdict.Refutations.Select(v => $"{v.Rule} at {v.Tick}: {v.Message}")));
    }
}
