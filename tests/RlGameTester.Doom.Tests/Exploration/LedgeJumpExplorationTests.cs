using RlGameTester.Doom.Actors;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// GZDoom's jump in the explorer: on a level the ZDoom family plays (UDMF here), a ledge more than a step above the floor
/// and at most 60 (36 of jump, 24 of step) is climbed by a jump, and the trajectory validator upholds the run. Where the
/// jump cannot do it (a higher ledge, a low ceiling, MAPINFO's nojump), the exit stays unreachable, and that is proven.
/// </summary>
public sealed class LedgeJumpExplorationTests
{
    private const int Ledge = 1;
    private const double LedgeEdge = 192;

    [Fact]
    public void AnExitOnALedgeFortyEightUpIsReachedByAJumpTheValidatorUpholds()
    {
        var result = ExplorationFixtures.ExploreEveryTic(Level(ledge: 48));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        var jump = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.Jump);
        Assert.Equal(0.0, jump.Z);
        // The take-off tic's move, then the rise to 26 (the feet within 24 of 48): the box reaches over the ledge's edge
        // (x = 192) on the fourth tic after the take-off's, not before.
        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).ToDictionary(e => e.Tick);
        Assert.True(positions[jump.Tick + 3].X + 16 <= LedgeEdge, $"tic {jump.Tick + 3} at x {positions[jump.Tick + 3].X}");
        Assert.True(positions[jump.Tick + 4].X + 16 > LedgeEdge, $"tic {jump.Tick + 4} at x {positions[jump.Tick + 4].X}");
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.Position, Sector: Ledge });

        // The floor under the body: the room's until the move onto the ledge.
        Assert.Equal([0.0, 0.0, 0.0, 0.0, 48.0], Enumerable.Range(jump.Tick, 5).Select(t => positions[t].Z));
    }

    [Fact]
    public void ALedgeSixtyUpIsTheHighestAJumpClimbs()
    {
        var result = ExplorationFixtures.ExploreEveryTic(Level(ledge: 60));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.Jump);
    }

    [Fact]
    public void AJumpRightAfterADropWaitsForTheFeetToLand()
    {
        // Off a 64-unit step (x = 96) the body falls for 11 tics while it runs on; the take-off for the ledge at x = 224 is
        // 5 cells short of it, reached in the air. A jump goes only from the ground, so the walk waits there first.
        var level = HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
            [new Room(96, 64, 200), new Room(128, 0, 200), new Room(64, 48, 200), new Room(64, 48, 200)],
            [(0, 0), (0, 0), (52, 0)]));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.DoesNotContain(result.Validation!.Violations, v => v.Rule.StartsWith("jump", StringComparison.Ordinal));
        Assert.Empty(result.Validation.Refutations);
        var jump = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.Jump);
        // The first tic the box is clear of the step: the fall begins.
        var drop = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X - 16 >= 96);
        Assert.True(jump.Tick - drop.Tick >= 11, $"off the step at tic {drop.Tick}, jumped at {jump.Tick}");
    }

    [Theory]
    // Out of the jump's reach: 36 up and a step of 24.
    [InlineData(64, 160, false)]
    // The ceiling over the run-up stops the feet 16 above the floor.
    [InlineData(48, 72, false)]
    // The level's MAPINFO says nojump.
    [InlineData(48, 160, true)]
    public void WhereNoJumpClimbsTheLedgeTheExitIsProvenUnreachable(int ledge, int ceiling, bool nojump)
    {
        var level = Level(ledge, ceiling);
        if (nojump)
        {
            level = level.WithActors(ActorScript.Read([("MAPINFO", "map MAP01 \"Ledge\"\nnojump\n")], _ => null));
        }

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Jump);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    // A room at x 0..192 (the start at 32, 32), a ledge at 192..256 and beyond it, over a W1 exit line (52), more of it.
    private static Level Level(int ledge, int ceiling = 160) => HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
        [new Room(192, 0, ceiling), new Room(64, ledge, ledge + 112), new Room(64, ledge, ledge + 112)],
        [(0, 0), (52, 0)]));
}
