using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A run that traps itself: the explorer looks round the far room first and the walk-over line at its mouth shuts the
/// door behind it, with the exit switch back in the start room. Before, nothing said so: the judges read what the start
/// reaches at the end, and the body's room is no part of it; the exit finding spoke of a path "from" the exit itself.
/// </summary>
public sealed class StrandedRunTests
{
    private const int ExitSwitch = 1;
    private const int Closer = 2;

    // The start room (x 0..160) with an S1 exit on its east side (line 1, facing it); a door 16 deep, open, tag 5; the far
    // room (x 176..304), entered across line 2: W1 door close and stay, tag 5.
    private static readonly string Textmap = HandMadeRuns.RowOfRooms(
        [new Room(160, 0, 128), new Room(16, 0, 128, Tag: 5), new Room(128, 0, 128)],
        [(11, 0), (3, 5)]);

    [Fact]
    public void TheTrapTheRunWalkedIntoIsReportedWithTheLineThatShutIt()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap));

        Assert.False(result.ExitReached);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Closer });
        var trap = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock);
        Assert.Equal((ElementKind.Sector, 2, "2"), (trap.ElementKind, trap.ElementIndex, trap.Evidence["last_line"]));
        Assert.Contains("a way it came by shut behind it. The last line it set off before that was line 2 (W1 Door close and stay)", trap.Description, StringComparison.Ordinal);
        // The door can be open again for all the proof knows (every mover in every position): possible, not proven.
        Assert.Equal(FindingSeverity.Minor, trap.Severity);

        var exit = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Contains("was within the agent's reach during the run, but its play left it trapped", exit.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: ExitSwitch });
    }
}
