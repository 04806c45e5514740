using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Metadata;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A switch that starts a script whose one act is a lift (ACS_Execute(3, 0, 5), script 3 calling
/// Plat_DownWaitUpStay(arg0, 24, 90)), as Super Sonic Doom builds its lifts: the explorer presses it, rides the lift up
/// to the ledge and reaches the exit, and the validator, reading the same script, upholds the run. A script whose lift
/// comes only after a delay is not read as the lift, and the exit stays undecided (a script may do anything), not
/// proven out of reach. A walk-over line whose script ends the level (after a delay, as Super Sonic Doom's MAP05 does)
/// is an exit line; one whose script ends it only down a branch is not.
/// </summary>
public sealed class ScriptedLineExplorationTests
{
    private const int Switch = 1;

    // pushscriptvar 0, pushnumber 24, pushnumber 90, lspec3 Plat_DownWaitUpStay, terminate (ACS0 words).
    private static readonly int[] LiftScript = [28, 0, 3, 24, 3, 90, 6, 62, 1];

    [Fact]
    public void TheScriptedLiftIsRiddenToTheExitAndTheValidatorUpholdsIt()
    {
        var level = Level(LiftScript);
        Assert.Equal(62, ScriptedLines.Effective(level, level.Linedefs[Switch]).Special);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        var press = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Switch });
        Assert.Contains("Plat_DownWaitUpStay", press.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ALiftAfterADelayIsNotReadAsTheSwitchsMoveAndNothingIsProven()
    {
        // delaydirect 35 first: the lift starts a second after the press, which no model here times.
        var level = Level([56, 35, .. LiftScript]);
        Assert.Equal(80, ScriptedLines.Effective(level, level.Linedefs[Switch]).Special);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("acs script", finding.Evidence["mechanic"]);
    }

    [Fact]
    public void ALiftTheScriptCallsOnceItsAmbushIsDeadIsRiddenOnThatAssumption()
    {
        // Byte 8: thingcountdirect (0, 500); pushnumber 0; gt; ifnotgoto byte 56; delaydirect 35; goto byte 8; then the
        // lift: while (ThingCount(T_NONE, 500) > 0) delay(35); Plat_DownWaitUpStay(arg0, 24, 90);
        var level = Level([60, 0, 500, 3, 0, 22, 79, 56, 56, 35, 52, 8, .. LiftScript]);
        Assert.Equal(62, ScriptedLines.Effective(level, level.Linedefs[Switch]).Special);
        Assert.Contains("makes its move", ScriptedLines.Assumption(level, level.Linedefs[Switch]), StringComparison.Ordinal);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedOnAssumption(result, "assumed: script 3", $"set off by line {Switch}");
    }

    [Fact]
    public void ALiftAfterABranchOnAVariableIsNotRead()
    {
        // pushmapvar 0, ifnotgoto the terminate (byte 56), then the lift: a condition that is no count of things.
        var level = Level([29, 0, 79, 56, .. LiftScript]);

        Assert.Equal(80, ScriptedLines.Effective(level, level.Linedefs[Switch]).Special);
    }

    [Fact]
    public void ALiftScriptThatAlsoDoesWhatTheReadingCannotBoundIsNotReadAsTheLift()
    {
        // pushnumber 1, giveinventory first (what it gives might open a way), then the lift.
        var level = Level([3, 1, 143, .. LiftScript]);

        Assert.Equal(80, ScriptedLines.Effective(level, level.Linedefs[Switch]).Special);
    }

    [Fact]
    public void AWalkOverLineWhoseScriptEndsTheLevelAfterADelayIsAnExitTheValidatorUpholds()
    {
        // delaydirect 35, lspec1direct Exit_Normal(0), terminate: the level ends a second after the line is crossed.
        var level = ExitLevel([56, 35, 9, 243, 0, 1]);
        Assert.Single(LevelMetadata.Create(level, new LevelGeometry(level)).Exits);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.ExitReached, Line: Switch });
    }

    [Fact]
    public void AnExitBehindABranchIsNoExitLineAndTheLevelMayEndAnotherWay()
    {
        // pushnumber 1, ifnotgoto the terminate (byte 36), lspec1direct Exit_Normal(0), terminate: a static reading
        // cannot tell that the branch is always taken the same way, so the line is not read as an exit.
        var level = ExitLevel([3, 1, 79, 36, 9, 243, 0, 1]);

        Assert.Empty(LevelMetadata.Create(level, new LevelGeometry(level)).Exits);
        Assert.False(ExplorationFixtures.ExploreEveryTic(level).ExitReached);
    }

    // The start room and, over line 1 (a walk-over ACS_Execute of script 5), a second room.
    [Fact]
    public void AScriptThatMakesOneMoveOnTwoTagsMovesBothAndTheValidatorUpholdsIt()
    {
        // PSX Doom CE's switches start scripts that open two doors: Door_Open(5, 16); Door_Open(6, 16) (ACS0:
        // Lspec2Direct 11 5 16; Lspec2Direct 11 6 16; Terminate). Two closed sectors, tags 5 and 6, lie between the
        // start room and the exit, a room apart; the switch is on the line into the first.
        int[] code = [10, 11, 5, 16, 10, 11, 6, 16, 1];
        var textmap = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
                [new Room(128, 0, 160), new Room(64, 0, 0, Tag: 5), new Room(64, 0, 160), new Room(64, 0, 0, Tag: 6), new Room(64, 0, 160)],
                [(0, 7), (0, 0), (0, 0), (243, 0)]))
            .Replace("special = 0; arg0 = 7;", "special = 80; arg0 = 1; playeruse = true;", StringComparison.Ordinal);
        var level = LevelReader.Read(WadFile.Read(Behavior.Wad(textmap, Behavior.Acs0(1, AcsScriptKind.Closed, 0, code))), "MAP01");

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.Equal([6], ScriptedLines.MoreTags(level, level.Linedefs[1]));
        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    private static Level ExitLevel(int[] script)
    {
        var text = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(128, 0, 160)], [(80, 5)]))
            .Replace("special = 80; arg0 = 5;", "special = 80; arg0 = 5; playercross = true;", StringComparison.Ordinal);
        return LevelReader.Read(WadFile.Read(Behavior.Wad(text, Behavior.Acs0(5, AcsScriptKind.Closed, 0, script))), "MAP01");
    }

    // Rooms along x: the start (floor 0), the lift (tag 5, floor 64 at rest), a ledge (64) and, over a walk-over
    // Exit_Normal, the exit room. Line 1, between the start and the lift, is a repeatable switch running script 3 with 5.
    private static Level Level(int[] script)
    {
        var text = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
                [new Room(128, 0, 160), new Room(64, 64, 160, Tag: 5), new Room(64, 64, 160), new Room(64, 64, 160)],
                [(80, 3), (0, 0), (243, 0)]))
            .Replace("special = 80; arg0 = 3;", "special = 80; arg0 = 3; arg2 = 5; playeruse = true; repeatspecial = true;", StringComparison.Ordinal);
        return LevelReader.Read(WadFile.Read(Behavior.Wad(text, Behavior.Acs0(3, AcsScriptKind.Closed, 1, script))), "MAP01");
    }
}
