using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A run that traps itself: the explorer looks round the far room first and the walk-over line at its mouth shuts the
/// door behind it. Before, nothing said so: the judges read what the start reaches at the end, and the body's room is no
/// part of it; the exit finding spoke of a path "from" the exit itself. Since 2026-12-08 such a run is played again
/// going round the line that shut the way: where the exit does not need the far room, that run finishes and the first
/// one's trap is kept; where it does (the exit's key lies there), the first verdict stands.
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
    public void ARunThatGoesRoundTheLineThatShutItInFinishesAndTheTrapIsKept()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap));

        // The first run and the second seed's are trapped alike; the third never crosses line 2 and presses the exit.
        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.True(result.Validation!.Upholds);
        Assert.Equal(3, result.Attempts);
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Closer });
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: ExitSwitch });

        var trap = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock);
        Assert.Equal((ElementKind.Sector, 2, "2", "1"), (trap.ElementKind, trap.ElementIndex, trap.Evidence["last_line"], trap.Evidence["attempt"]));
        Assert.Contains("a way it came by shut behind it. The last line it set off before that was line 2 (W1 Door close and stay)", trap.Description, StringComparison.Ordinal);
        Assert.Contains("one that went round line 2 reached the exit", trap.Description, StringComparison.Ordinal);
        // The door can be open again for all the proof knows (every mover in every position): possible, not proven.
        Assert.Equal(FindingSeverity.Minor, trap.Severity);
    }

    [Fact]
    public void ATrapWhoseRoomHoldsTheExitsKeyLeavesTheFirstVerdict()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(KeyBehindTheTrap()));

        // Going round line 7 leaves the blue key where no run gets it; the first run's trap is the verdict.
        Assert.False(result.ExitReached);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 7 });
        var trap = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock);
        Assert.Equal((ElementKind.Sector, 2, "7"), (trap.ElementKind, trap.ElementIndex, trap.Evidence["last_line"]));
        Assert.False(trap.Evidence.ContainsKey("attempt"));

        // The blue door is what the first run never got back to, with the key trapped beside it.
        var exit = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal((ElementKind.Line, 2), (exit.ElementKind, exit.ElementIndex));
        Assert.Contains("sector 3 is only 0 units high there (the body needs 56), and line 2 (DR Blue door open, wait, close) that would move it cannot be reached or set off", exit.Description, StringComparison.Ordinal);
    }

    // The start room 0 (x 0..128, y 0..128); east, an open door 1 (tag 5, 16 deep) into the far room 2, entered across
    // line 7 (W1 door close and stay, tag 5), with the blue key at its far end; north, a blue door 3 (shut, DR blue on
    // line 2) into the exit room 4 past a walk-over exit (line 12).
    private static string KeyBehindTheTrap()
    {
        (int, int)[] vertices =
        [
            (0, 0), (0, 128), (32, 128), (96, 128), (128, 128), (128, 96), (128, 32), (128, 0), (144, 96), (144, 32),
            (272, 96), (272, 32), (32, 144), (96, 144), (32, 208), (96, 208),
        ];
        HandLine[] lines =
        [
            new(0, 1, 0),
            new(1, 2, 0),
            new(2, 3, 0, 3, 26), // line 2: DR blue door, facing the start room
            new(3, 4, 0),
            new(4, 5, 0),
            new(5, 6, 0, 1),
            new(6, 7, 0),
            new(8, 9, 1, 2, 3, 5), // line 7: W1 door close and stay, into the far room
            new(7, 0, 0),
            new(5, 8, 1),
            new(9, 6, 1),
            new(8, 10, 2),
            new(12, 13, 3, 4, 52), // line 12: W1 exit
            new(10, 11, 2),
            new(11, 9, 2),
            new(2, 12, 3),
            new(13, 3, 3),
            new(12, 14, 4),
            new(14, 15, 4),
            new(15, 13, 4),
        ];
        return HandMadeRuns.Textmap(vertices, lines, [(0, 128, 0), (0, 124, 5), (0, 128, 0), (0, 0, 0), (0, 128, 0)], (64, 32)) +
            "thing { x = 240.0; y = 64.0; angle = 0; type = 5; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }\n";
    }
}
