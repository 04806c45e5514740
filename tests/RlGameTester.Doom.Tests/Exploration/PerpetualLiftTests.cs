using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// GZDoom's perpetual platforms stop their lip above the lowest floor around (EV_DoPlat's platPerpetualRaise):
/// Plat_PerpetualRaise at 8, Plat_PerpetualRaiseLip at its fourth argument, never below their own floor. Until
/// 2026-12-07 the library took them down to the lowest floor itself, at 4 units a tic whatever their speed.
/// </summary>
public sealed class PerpetualLiftTests
{
    // The start A (x 0..128, floor 0), the lift L (tag 1, floor 64) a switch on its west side sets going, the ledge D
    // (floor 64) and, over a walk-over exit, E. The lift goes from its lip above A's floor up to 64: a lip of 24 or less
    // is a step onto it, one of 40 is not.
    private static Level LiftLevel(int lip) => HandMadeRuns.Read(HandMadeRuns.ReplaceFirst(
        HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 192), new Room(64, 64, 192, Tag: 1), new Room(64, 64, 192), new Room(64, 64, 192)],
            [(207, 1), (0, 0), (243, 0)])),
        "special = 207; arg0 = 1;",
        $"special = 207; arg0 = 1; arg1 = 32; arg2 = 35; arg3 = {lip}; playeruse = true; repeatspecial = true;"));

    [Theory]
    [InlineData(60, 0, 8)]
    [InlineData(207, 40, 40)]
    [InlineData(207, 0, 0)]
    public void TheLipIsWhereGZDoomStopsThem(int special, int arg3, int lip)
    {
        var move = SectorMoves.FindHexen(special, new SpecialArgs(1, 16, 35, arg3, 0));

        Assert.NotNull(move);
        Assert.True(move.Perpetual);
        Assert.Equal((lip, 2), (move.Offset, move.Speed));
    }

    [Fact]
    public void BoomsCeilingLowerToFloorMovesAtCeilingSpeedAsDoomsDoes()
    {
        // EV_DoCeiling's lowerToFloor: CEILSPEED, one unit a tic, for 145 and 152 as for 41 and 43.
        foreach (var special in (int[])[41, 43, 145, 152])
        {
            var move = SectorMoves.FindDoom(special);
            Assert.NotNull(move);
            Assert.Equal((true, MoveTarget.OwnFloor, 1), (move.Ceiling, move.Target, move.Speed));
        }
    }

    [Fact]
    public void ALiftWithALowLipIsRiddenUpToTheLedge()
    {
        var result = ExplorationFixtures.ExploreEveryTic(LiftLevel(0));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    [Fact]
    public void ALiftThatStopsFortyUnitsUpIsNotAStepAndTheRunOnTheLowerOneIsRefuted()
    {
        var low = ExplorationFixtures.ExploreEveryTic(LiftLevel(0));
        var high = LiftLevel(40);

        // The explorer does not try the step either (the validator would refute the run, and it would not finish).
        var onHigh = ExplorationFixtures.ExploreEveryTic(high);
        Assert.False(onHigh.ExitReached);
        Assert.Empty(onHigh.Validation!.Violations);
        var verdict = ValidationFixtures.Validate(high, low.Events);
        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Violations, v => v.Rule == Doom.Validation.TrajectoryRules.StepTooHigh);
    }
}
