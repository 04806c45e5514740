using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Doom raises a ceiling its speed a tic (T_MovePlane): a door set off by a walk-over line opens at 2 units a tic, so a
/// body that runs on under it at once meets a ceiling a few units up. Until 2026-12-07 the explorer and the validator
/// both opened it at once, so such a run was upheld. Now the validator replays a ceiling going up tic by tic (a tic's
/// grace either way), as it does a floor going down, and the explorer waits under no ceiling on its way up until a body
/// fits under it.
/// </summary>
public sealed class OpeningDoorTests
{
    private const int DoorLine = 1;
    private const int DoorFront = 256;

    // Room A (x 0..128, the start), a walk-over door line (tag 1) at x 128 into corridor B, the door C (x 256..272, shut,
    // tag 1), room D past it and a walk-over exit (52) at x 336 into room E. Crossed at tic 6, the door is 56 up some 28
    // tics later.
    private static string Textmap(int doorSpecial) => HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 256), new Room(128, 0, 256), new Room(16, 0, 0, Tag: 1), new Room(64, 0, 256), new Room(64, 0, 256)],
        [(doorSpecial, 1), (0, 0), (0, 0), (52, 0)]);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void ARunUnderTheDoorJustAfterItStartedOpeningIsRefuted(int doorSpecial)
    {
        // W1 open and stay (2), and W1 open, wait, close (4), which nothing opens again: the box is under the door at
        // tic 15, when it is some 20 units up.
        var verdict = HandMadeRuns.Validate(Textmap(doorSpecial), [.. HandMadeRuns.Walk(32, 380)], (6, DoorLine));

        Assert.False(verdict.Upholds);
        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.NoRoom && v.Tick is > 12 and < 20);
    }

    [Theory]
    [InlineData(2, 25, false)]
    [InlineData(2, 40, true)]
    [InlineData(4, 25, false)]
    [InlineData(4, 40, true)]
    public void ARunUnderTheDoorHoldsOnlyOnceABodyFitsUnderIt(int doorSpecial, int arrival, bool upheld)
    {
        // Waits at x 224 (its box clear of the door) and is under it from the tic after the given one: the door is some
        // 40 units up at tic 26, 70 at tic 41.
        int[] xs = [.. HandMadeRuns.Walk(32, 224), .. Enumerable.Repeat(224, arrival - 13), .. HandMadeRuns.Walk(240, 380)];
        var verdict = HandMadeRuns.Validate(Textmap(doorSpecial), xs, (6, DoorLine));

        Assert.Equal(upheld, verdict.Upholds);
    }

    [Fact]
    public void TheExplorerWaitsForTheDoorToOpenAndIsUpheld()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(2)));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var crossed = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == DoorLine);
        var underTheDoor = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X + 16 > DoorFront);
        Assert.True(underTheDoor.Tick >= crossed.Tick + 28, $"the body's box was under the door at tic {underTheDoor.Tick}, {underTheDoor.Tick - crossed.Tick} tics after its line, before a body fit under it");
    }

    [Fact]
    public void AJumpThroughTheDoorOntoALedgeWaitsForTheDoorToOpen()
    {
        // GZDoom's jump (a UDMF level): D is a ledge 48 above the door's floor, which a jump from the corridor climbs,
        // flying through the doorway; it waits for the door as a step into it does.
        var level = HandMadeRuns.Read(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 256), new Room(128, 0, 256), new Room(8, 0, 0, Tag: 1), new Room(64, 48, 256), new Room(64, 48, 256)],
            [(2, 1), (0, 0), (0, 0), (52, 0)]));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var crossed = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == DoorLine);
        var jump = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.Jump);
        Assert.True(jump.Tick >= crossed.Tick + 28, $"the jump through the door at tic {jump.Tick}, {jump.Tick - crossed.Tick} tics after its line, before a body fit under it");
    }
}
