using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Elevators move a sector's floor and ceiling together (EV_DoElevator): Boom's 227-238 and ZDoom's Elevator_* and
/// FloorAndCeiling_Lower/RaiseByValue. Until 2026-12-07 the library read Boom's as floor moves ("lift raise to next
/// higher floor"), so an elevator's floor rose into its own ceiling: Hacx 2 MAP01's 59 elevator lines closed the cars
/// they moved, and the explorer rode none of them.
/// </summary>
public sealed class ElevatorTests
{
    private const int CallLine = 1;
    private const int Car = 1;

    // The start room A (x 0..128, floor 0, ceiling 128), the car C (x 128..192, tag 1, floor 0, ceiling 72), the ledge D
    // (floor 64) and, over a walk-over exit (52), room E. Stepping into C over a W1 line with the special moves C: an
    // elevator takes it up to D's floor with its ceiling (72 to 136), a floor raise to the same floor leaves 8 units of room.
    private static string Textmap(int special) => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 128), new Room(64, 0, 72, Tag: 1), new Room(64, 64, 192), new Room(64, 64, 192)],
        [(special, 1), (0, 0), (52, 0)]);

    [Theory]
    [InlineData(227, MoveTarget.NextHigherFloor)]
    [InlineData(230, MoveTarget.NextHigherFloor)]
    [InlineData(231, MoveTarget.NextLowerFloor)]
    [InlineData(234, MoveTarget.NextLowerFloor)]
    [InlineData(235, MoveTarget.LineFrontFloor)]
    [InlineData(238, MoveTarget.LineFrontFloor)]
    public void BoomsElevatorsCarryTheCeilingWithTheFloor(int special, MoveTarget target)
    {
        var move = SectorMoves.FindDoom(special);

        Assert.NotNull(move);
        Assert.True(move.Elevator);
        Assert.False(move.Ceiling);
        Assert.Equal(target, move.Target);
        Assert.Equal(MoveKind.Permanent, move.Kind);
        Assert.Equal(4, move.Speed);
        Assert.StartsWith("Elevator", LinedefSpecials.FindDoom(special)!.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(245, MoveTarget.NextHigherFloor, 0)]
    [InlineData(246, MoveTarget.LineFrontFloor, 0)]
    [InlineData(247, MoveTarget.NextLowerFloor, 0)]
    [InlineData(95, MoveTarget.ByAmount, -48)]
    [InlineData(96, MoveTarget.ByAmount, 48)]
    public void ZDoomsElevatorsAndFloorAndCeilingMovesToo(int special, MoveTarget target, int amount)
    {
        // (tag 1, speed 32 eighths, height 48)
        var move = SectorMoves.FindHexen(special, new SpecialArgs(1, 32, 48, 0, 0));

        Assert.NotNull(move);
        Assert.True(move.Elevator);
        Assert.Equal(target, move.Target);
        Assert.Equal(amount, move.Amount);
        Assert.Equal(4, move.Speed);
    }

    [Fact]
    public void AFloorOnlyRaiseIsNoElevator()
    {
        Assert.False(SectorMoves.FindDoom(119)!.Elevator);
        Assert.False(SectorMoves.FindDoom(130)!.Elevator);
        Assert.False(SectorMoves.FindHexen(25, new SpecialArgs(1, 32, 0, 0, 0))!.Elevator);
    }

    [Fact]
    public void TheExplorerRidesTheElevatorUpToTheLedgeAndTheRunHolds()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(227)));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var call = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == CallLine);
        Assert.Contains("Elevator", call.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRaiseOfTheFloorAloneShutsTheCarAndTheExitIsNotReached()
    {
        // 119: W1 floor raise to next higher floor, the same target without the ceiling.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(119)));

        Assert.False(result.ExitReached);
    }

    [Theory]
    [InlineData(12, false)]
    [InlineData(30, true)]
    public void TheValidatorRaisesTheCarsCeilingWithItsFloorAtItsSpeed(int arrival, bool upheld)
    {
        // Into the car over the line at x 128 (tic 6), waiting at x 160 (the box on the car alone), then onto the ledge:
        // the car rises 4 units a tic, 28 up when the box first overlaps the ledge at tic 13 (a climb of 36), there by
        // tic 22. Its ceiling rises with it: read floor-only, it stays at 72 and a body riding the car up has no room.
        int[] xs = [.. HandMadeRuns.Walk(32, 160), .. Enumerable.Repeat(160, arrival - 9), .. HandMadeRuns.Walk(176, 300)];
        var verdict = HandMadeRuns.Validate(Textmap(227), xs, (6, CallLine));

        Assert.Equal(upheld, verdict.Upholds);
        Assert.Equal(upheld, !verdict.Refutations.Any(v => v.Rule == TrajectoryRules.StepTooHigh && v.Tick == 13));
    }

    [Fact]
    public void TheProofsRangesGiveTheCarsCeilingEveryHeightItsFloorTakesAbove()
    {
        var level = HandMadeRuns.Read(Textmap(227));
        var ranges = Ranges(level);

        Assert.Equal((0, 64), (ranges.FloorMin[Car], ranges.FloorMax[Car]));
        Assert.Equal((72, 136), (ranges.CeilingMin[Car], ranges.CeilingMax[Car]));
    }

    [Fact]
    public void AnElevatorWhoseCeilingAlsoMovesByItselfMayBeAtAnyHeight()
    {
        // A second line (into the ledge) opens the car's ceiling as a door: the car's height over its floor is no longer
        // known, so the proof lets it be anything rather than leave a height out.
        var textmap = HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 128), new Room(64, 0, 72, Tag: 1), new Room(64, 64, 192), new Room(64, 64, 192)],
            [(227, 1), (2, 1), (52, 0)]);
        var ranges = Ranges(HandMadeRuns.Read(textmap));

        Assert.True(ranges.CeilingMax[Car] > 10_000);
        Assert.True(ranges.FloorMax[Car] > 10_000);
    }

    private static SectorRanges Ranges(Level level)
    {
        var geometry = new LevelGeometry(level);
        return new SectorRanges(level, geometry, [.. new LevelMechanics(level, geometry, LevelModel.SkillFlagOf(3)).Movers.Where(m => m.Move is not null)]);
    }
}
