using System.Text;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;
using static System.FormattableString;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A bridge one switch raises and another sinks: raising it shuts the pit, which re-arms the sinking switch (a trap door
/// shut again is opened by its switch). Hacx 2 MAP13's agent pressed that switch as soon as the bridge was up, from the
/// bridge, and never crossed it. A re-armed switch is now progress only when the exit is out of reach.
/// </summary>
public sealed class RearmedSwitchTests
{
    private const int RaiseSwitch = 5;
    private const int SinkSwitch = 6;

    // Ledge A (floor 64, the start), bridge B (tag 1, floor -64, 256 wide), ledge C (64) and, past a walk-over exit,
    // room D; pit P south of B (-64). From the bridge, the line into the pit raises it to its next higher floor (64) and
    // the line into C sinks it to its lowest neighbour floor (P's); neither is usable from A or C (Doom uses a line from
    // its front only). The agent drops onto the bridge, raises it, and then must cross, not sink it again.
    private static string Textmap()
    {
        (int X, int Y)[] vertices = [(0, 0), (128, 0), (384, 0), (512, 0), (640, 0), (0, 128), (128, 128), (384, 128), (512, 128), (640, 128), (128, -64), (384, -64)];
        (int V1, int V2, int Front, int Back, int Special)[] lines =
        [
            (0, 5, 0, -1, 0), (5, 6, 0, -1, 0), (1, 0, 0, -1, 0), (6, 1, 0, 1, 0),
            (6, 7, 1, -1, 0), (2, 1, 1, 4, 69), (7, 2, 1, 2, 60),
            (7, 8, 2, -1, 0), (3, 2, 2, -1, 0), (8, 3, 2, 3, 52),
            (8, 9, 3, -1, 0), (4, 3, 3, -1, 0), (9, 4, 3, -1, 0),
            (10, 1, 4, -1, 0), (11, 10, 4, -1, 0), (2, 11, 4, -1, 0),
        ];
        (int Floor, int Tag)[] sectors = [(64, 0), (-64, 1), (64, 0), (64, 0), (-64, 0)];

        var text = new StringBuilder("namespace = \"doom\";\n");
        foreach (var (x, y) in vertices)
        {
            text.Append(Invariant($"vertex {{ x = {x}.0; y = {y}.0; }}\n"));
        }

        var sides = new List<int>();
        foreach (var (v1, v2, front, back, special) in lines)
        {
            text.Append(Invariant($"linedef {{ v1 = {v1}; v2 = {v2}; sidefront = {sides.Count}; "));
            sides.Add(front);
            if (back < 0)
            {
                text.Append("blocking = true; }\n");
                continue;
            }

            text.Append(Invariant($"sideback = {sides.Count}; twosided = true; special = {special}; arg0 = {(special is 52 or 0 ? 0 : 1)}; }}\n"));
            sides.Add(back);
        }

        foreach (var sector in sides)
        {
            text.Append(Invariant($"sidedef {{ sector = {sector}; texturemiddle = \"STARTAN3\"; }}\n"));
        }

        foreach (var (floor, tag) in sectors)
        {
            text.Append(Invariant($"sector {{ heightfloor = {floor}; heightceiling = 192; texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; lightlevel = 192; id = {tag}; }}\n"));
        }

        text.Append("thing { x = 32.0; y = 64.0; angle = 0; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }\n");
        return text.ToString();
    }

    [Fact]
    public void TheAgentCrossesTheBridgeItRaisedInsteadOfSinkingItAgain()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap()));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title + ": " + f.Description)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: RaiseSwitch });
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: SinkSwitch });
    }
}
