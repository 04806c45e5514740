using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A running jump off a called lift back at rest (Hacx 2 MAP10: the way back west is a run off the bridge lift over a
/// strip of pit as wide as the body). A lift the run has called is kept at both ends for the searches, so its cells are
/// no level floor; until 2026-12-06 the jump planner took off only from level floor, and the agent, with nothing left to
/// do, pressed the lift's switch again and walked into the pit. Jumps off lifts at rest are the agent's last try before
/// that, not a move from the start: freedoom2 MAP21's agent, let jump off a lift at once, reached a room early, crossed a
/// walk-over line there that shut its way to the exit, and lost its finish.
/// </summary>
public sealed class JumpOffLiftTests
{
    private const int LiftSwitch = 1;
    private const int LiftRest = 128;

    // Room A (the start, floor 0), the lift (floor 128, tag 1, called by an SR switch on A's side), a pit 32 units wide
    // (floor -128, the lift's low end), the ledge R (floor 120) and room E behind a walk-over exit. The lift is 128 long,
    // the run-up; from it at rest R is an 8-unit step down across the pit, and nothing else reaches R.
    private static string Textmap(int liftCeiling) => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 256), new Room(128, LiftRest, liftCeiling, Tag: 1), new Room(32, -128, 256), new Room(128, 120, 256), new Room(128, 120, 256)],
        [(62, 1), (0, 0), (0, 0), (52, 0)]);

    [Fact]
    public void TheAgentRidesTheLiftUpAndJumpsOffItAtRestAcrossThePit()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(256)));

        ExplorationFixtures.AssertFinishedAndUpheld(result);

        // The body leaves the lift (its box past the lift's edge at x 256) only once the lift is back at rest: 64 tics
        // down to the pit's floor at 4 a tic, 105 waiting, 64 up after the switch. Off it, it is never in the pit.
        var call = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: LiftSwitch });
        var offLift = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X > 256 + 16);
        Assert.True(offLift.Tick >= call.Tick + 233, $"off the lift at tic {offLift.Tick}, the lift called at tic {call.Tick}");
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Position && e.X > 256 + 16 && e.Z < 0);
    }

    [Fact]
    public void ALiftTheBodyDoesNotFitOnAtRestIsNoFloorToJumpOff()
    {
        // 32 units between the lift at rest and its ceiling: a lift rising under a body stops and goes down again, so it
        // never takes one up there, and nothing else reaches R. (freedoom1 E4M7's run was refuted so.)
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(LiftRest + 32)));

        Assert.False(result.ExitReached);
        Assert.Empty(result.Validation!.Refutations);
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Position && e.X > 256 + 32);
    }
}
