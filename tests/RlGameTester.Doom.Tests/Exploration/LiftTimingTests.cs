using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A Doom lift goes down when called, waits 105 tics (PLATWAIT) and comes back up, and then stays there. Until
/// 2026-12-05 the explorer held a lift it had seen move as running both ways for good, and the validator let it be
/// anywhere in its range at any time: a run that called a lift from 3000 units away and crossed it long after it was
/// back up was upheld. Now the validator holds a lift at rest outside the cycles the run's own lines start, and the
/// explorer steps on or off a lift only at a tic it is there, pressing its switch again where one is in reach.
/// </summary>
public sealed class LiftTimingTests
{
    private const int FarLine = 1;
    private const int LiftSwitch = 2;

    // Room A (x 0..128, floor 0, the start), a walk-over lift line (88, tag 1) into corridor B (floor 0, long), the lift
    // C (64 wide, floor 64, tag 1) and room D (floor 64), and a walk-over exit (52) into room E. The lift's low end is
    // B's floor: 16 tics down at 4 a tic, 105 waiting, 16 up, back at rest 137 tics after the call.
    private static string Textmap(int corridor, bool switchOnLift, int farSpecial = 88) => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 128), new Room(corridor, 0, 128), new Room(64, 64, 192, Tag: 1), new Room(128, 64, 192), new Room(128, 64, 192)],
        [(farSpecial, 1), (switchOnLift ? 62 : 0, 1), (0, 0), (52, 0)]);

    [Fact]
    public void ARunThatCrossesALiftLongAfterItCameBackUpIsRefuted()
    {
        // The line at x 128 at tic 6; the lift's edge at x 3128, reached at tic 194: the lift has been back up since tic 143.
        var verdict = HandMadeRuns.Validate(Textmap(3000, switchOnLift: false), [.. HandMadeRuns.Walk(32, 3200)], (6, FarLine));

        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.StepTooHigh);
    }

    [Fact]
    public void ARunThatStepsOnTheLiftWhileItIsDownAndRidesItUpIsUpheld()
    {
        // The line at tic 6; the lift's edge (x 640) at tic 38, the lift down from tic 22 to 127; the body stands on it
        // until it is back up (tic 143) and walks on into D.
        int[] xs = [.. HandMadeRuns.Walk(32, 672), .. Enumerable.Repeat(672, 110), .. HandMadeRuns.Walk(688, 760)];
        var verdict = HandMadeRuns.Validate(Textmap(512, switchOnLift: false), xs, (6, FarLine));

        Assert.Empty(verdict.Violations);
        Assert.Contains(verdict.Assumptions, a => a.StartsWith("lift of sector 2 (line 1 ", StringComparison.Ordinal) && a.EndsWith("for the 137 tics until it is back at rest", StringComparison.Ordinal));
    }

    [Fact]
    public void TheExplorerCallsTheLiftAgainWithItsSwitchWhenItIsBackUpOnArrival()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(3000, switchOnLift: true)));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        var far = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: FarLine });
        var call = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: LiftSwitch });

        // The far line's cycle was long over when the switch was pressed, and the body stood on the lift down then:
        // stepped on once the lift is down (16 tics at 4 a tic), not after a fixed wait for a lift anywhere in its cycle
        // (70 tics; E4M4's run ended so in super-damaging nukage, when it waited that long for a lift it had just called).
        Assert.True(call.Tick > far.Tick + 137, $"switch at tic {call.Tick}, far line at tic {far.Tick}");
        var onLift = result.Events.First(e => e is { Kind: ExplorerEventKind.Position, Sector: 2, Z: 0 } && e.Tick > call.Tick);
        Assert.InRange(onLift.Tick - call.Tick, 16, 40);
    }

    [Fact]
    public void WithOnlyTheFarLineTheLiftIsNeverThereInTimeAndTheExitIsNotClaimed()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(3000, switchOnLift: false)));

        Assert.False(result.ExitReached);
        Assert.Empty(result.Validation!.Refutations);
        var verdict = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, verdict.Severity);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(88, false)]
    public void ALiftNoRepeatableLineCallsIsAtRestForTheSearchesOnceItsCycleIsOver(int farSpecial, bool spent)
    {
        // A W1 lift (10) rides once: the searches must not plan with it as a way any more. A WR lift (88) may be called
        // again, so it keeps both heights and the walk calls it when it needs it.
        var level = HandMadeRuns.Read(Textmap(512, switchOnLift: false, farSpecial));
        var model = new LevelModel(level, new Geometry.LevelGeometry(level), 3);
        var state = new LevelState(model, 3);
        model.Grid.Recompute(state.Heights);
        var mover = new SectorMover(model, state, new StepGraph(model, state, new StepChanges()));
        var body = new Body();
        var lifts = new LiftTimes(model, state, new LineTraces(model, state), body);
        var call = model.Actions[FarLine]!;

        lifts.Call(call, 0, sectors => mover.Apply(call.Move!, sectors, null));

        Assert.Equal((0, 64), (state.Heights.FloorLow[2], state.Heights.FloorHigh[2]));
        body.Clock = 136;
        Assert.False(lifts.SettleSpent(body.Clock, mover));
        body.Clock = 137;
        Assert.Equal(spent, lifts.SettleSpent(body.Clock, mover));
        Assert.Equal(spent, state.Heights.IsAtOneHeight(2));
        Assert.Equal(64, state.Heights.FloorHigh[2]);
    }

    [Fact]
    public void ALiftWithTwoSwitchesIsCalledAgainOnceAsALastResortNotOncePerSwitch()
    {
        // Rooms A1 and A2 (floor 0), the lift (floor 64, tag 1), then a shut room (ceiling at the floor) before the exit:
        // nothing the lift brings leads on. Switches on A1|A2 and A2|lift both call the lift (SR, 62).
        var textmap = HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 128), new Room(128, 0, 128), new Room(64, 64, 128, Tag: 1), new Room(128, 64, 64), new Room(128, 64, 128)],
            [(62, 1), (62, 1), (0, 0), (52, 0)]);

        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));

        // The first call is progress; the lift back up, one switch calls it again (the last resort), and the other
        // switch would only do the same (it was pressed too before the recalls were keyed by what a line does).
        Assert.False(result.ExitReached);
        var calls = result.Events.Count(e => e is { Kind: ExplorerEventKind.LineActivated, Line: 1 or 2 });
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(1600)]
    public void ALiftLineAtTheLiftsEdgeIsCrossedWhileTheLiftIsDownNotAfterItsCycle(int corridor)
    {
        // A (the start), the lift line (88) into corridor B, a second lift line (88) into an 8-unit strip C, the lift D
        // (tag 1, 64 up), E, and the exit line into F. Crossing the second line puts the box over the lift: the step is
        // taken while the first line's call holds the lift down, and the second line does nothing then, as in Doom.
        // Until 2026-12-07 the walk planned the step with the lift down, then waited for its cycle to end before crossing
        // (so the crossing would call it) and stepped onto it back up: a 64-unit step the validator refused (PSX Doom
        // CE's MAP08, an 80-unit step after a 190-tic wait).
        var textmap = HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 128), new Room(corridor, 0, 128), new Room(8, 0, 128), new Room(64, 64, 192, Tag: 1), new Room(128, 64, 192), new Room(128, 64, 192)],
            [(88, 1), (88, 1), (0, 0), (0, 0), (52, 0)]);

        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var onLift = result.Events.First(e => e is { Kind: ExplorerEventKind.Position, Sector: 3 });
        var call = result.Events.Last(e => e is { Kind: ExplorerEventKind.LineActivated, Line: FarLine } && e.Tick < onLift.Tick);
        Assert.InRange(onLift.Tick - call.Tick, 16, 137);
    }
}
