using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A bridge one switch raises and another sinks: raising it shuts the pit, which re-arms the sinking switch (a trap door
/// shut again is opened by its switch). Hacx 2 MAP13's agent pressed that switch as soon as the bridge was up, from the
/// bridge, and never crossed it. A re-armed switch is now progress only when the exit is out of reach, and then only
/// after one-way trips to progress: sinking the bridge again also took away the drop to the blue key's ledge.
/// </summary>
public sealed class RearmedSwitchTests
{
    private const int RaiseSwitch = 5;
    private const int SinkSwitch = 6;

    // Ledge A (floor 64, the start), bridge B (tag 1, floor -64, 256 wide), ledge C (64) and, past a walk-over exit,
    // room D; pit P south of B (-64). From the bridge, the line into the pit raises it to its next higher floor (64) and
    // the line into C sinks it to its lowest neighbour floor (P's); neither is usable from A or C (Doom uses a line from
    // its front only). The agent drops onto the bridge, raises it, and then must cross, not sink it again.
    private static string Textmap() => HandMadeRuns.Textmap(
        [(0, 0), (128, 0), (384, 0), (512, 0), (640, 0), (0, 128), (128, 128), (384, 128), (512, 128), (640, 128), (128, -64), (384, -64)],
        [
            new(0, 5, 0), new(5, 6, 0), new(1, 0, 0), new(6, 1, 0, 1),
            new(6, 7, 1), new(2, 1, 1, 4, 69, 1), new(7, 2, 1, 2, 60, 1),
            new(7, 8, 2), new(3, 2, 2), new(8, 3, 2, 3, 52),
            new(8, 9, 3), new(4, 3, 3), new(9, 4, 3),
            new(10, 1, 4), new(11, 10, 4), new(2, 11, 4),
        ],
        [(64, 192, 0), (-64, 192, 1), (64, 192, 0), (64, 192, 0), (-64, 192, 0)],
        (32, 64));

    [Fact]
    public void TheAgentCrossesTheBridgeItRaisedInsteadOfSinkingItAgain()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap()));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title + ": " + f.Description)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: RaiseSwitch });
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: SinkSwitch });
    }

    // The bridge of Textmap() (A, B, C, pit P) with the exit moved behind a blue door: from ledge C (64) the body drops onto
    // ledge K (0, the blue keycard), which is not next to the bridge (so the bridge still rises to 64); K leads only
    // through the blue door E to room D, whose line from E ends the level. K is one-way, and only from the raised bridge.
    private static string KeyLedgeTextmap() => HandMadeRuns.Textmap(
        [
            (0, 0), (128, 0), (384, 0), (416, 0), (512, 0), (0, 128), (128, 128), (384, 128), (512, 128), (128, -64), (384, -64),
            (416, -128), (512, -128), (416, -160), (512, -160), (416, -256), (512, -256),
        ],
        [
            new(0, 5, 0), new(5, 6, 0), new(1, 0, 0), new(6, 1, 0, 1),
            new(6, 7, 1), new(2, 1, 1, 3, 69, 1), new(7, 2, 1, 2, 60, 1),
            new(7, 8, 2), new(8, 4, 2), new(3, 2, 2), new(4, 3, 2, 4),
            new(9, 1, 3), new(10, 9, 3), new(2, 10, 3),
            new(11, 3, 4), new(4, 12, 4), new(12, 11, 4, 5, 32),
            new(13, 11, 5), new(12, 14, 5), new(14, 13, 5, 6, 52),
            new(15, 13, 6), new(14, 16, 6), new(16, 15, 6),
        ],
        [(64, 192, 0), (-64, 192, 1), (64, 192, 0), (-64, 192, 0), (0, 128, 0), (0, 0, 0), (0, 128, 0)],
        (32, 64)) + "thing { x = 464.0; y = -64.0; angle = 0; type = 5; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }\n";

    [Fact]
    public void WithTheExitOutOfReachTheAgentDropsToTheKeyBeforeSinkingTheBridgeAgain()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(KeyLedgeTextmap()));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title + ": " + f.Description)));
        // An exit reached is upheld (the explorer reports none it refutes), so the refutations are empty by construction;
        // what the drop onto K may show is only its grid precision: the walk slows to the key's cell in the air, and takes
        // the key a tic or two before the body is down.
        Assert.Empty(result.Validation!.Refutations);
        Assert.All(result.Validation.Violations, v => Assert.Contains(v.Rule, new[] { Doom.Validation.TrajectoryRules.AirControl, Doom.Validation.TrajectoryRules.PickupNotTouched }));
        Assert.Contains(result.Events, e => e.Kind == ExplorerEventKind.KeyPickup);
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: SinkSwitch });
    }
}
