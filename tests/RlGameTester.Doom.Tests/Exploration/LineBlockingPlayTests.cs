using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Gates that a switch opens by Line_SetBlocking, or by a script calling SetLineBlocking (Project Zolee's and Super
/// Sonic Doom's force fields): the row of <see cref="PlayerBlockingLineTests"/>, whose line 1 (id 5) blocks, and a switch
/// on the start room's west wall. The explorer presses the switch and walks through; the validator, which makes the
/// change only when the switch is set off, upholds that run and refutes a walk through the gate without it. A change
/// the reading cannot be sure is made (behind a branch) is not played: the gate stays shut and nothing is proven.
/// </summary>
public sealed class LineBlockingPlayTests
{
    private const int Gate = 1;

    // pushnumber 5, pushnumber 0 (BLOCK_NOTHING), setlineblocking, terminate (ACS0 words).
    private static readonly int[] OpenGate = [3, 5, 3, 0, 98, 1];

    [Theory]
    [InlineData("blockplayers = true;", "special = 55; arg0 = 5; arg2 = 4;")]
    [InlineData("blocking = true;", "special = 55; arg0 = 5; arg2 = 1;")]
    [InlineData("blockeverything = true;", "special = 55; arg0 = 5; arg2 = 32;")]
    public void AGateALineSetBlockingSwitchOpensIsWalkedThroughAfterTheSwitch(string flag, string special)
    {
        var level = HandMadeRuns.Read(WithSwitch(flag, special));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        var press = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated } && e.Line != 2);
        var through = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X > 128);
        Assert.True(through.Tick > press.Tick);
    }

    [Fact]
    public void AGateFoundByOneOfItsMoreIdsOpensAndTheRunIsUpheld()
    {
        // The gate's own id is 9; UDMF's moreids gives it 5 as well, the id the switch names.
        var level = HandMadeRuns.Read(HandMadeRuns.ReplaceFirst(
            WithSwitch("blockplayers = true;", "special = 55; arg0 = 5; arg2 = 4;"), "id = 5;", "id = 9; moreids = \"3 5\";"));
        Assert.Equal([9, 3, 5], level.Linedefs[Gate].Ids);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
    }

    [Fact]
    public void ClearingBlockingAloneLeavesALineThatAlsoBlocksEverythingShut()
    {
        // Line_SetBlocking(5, 0, 1) clears "blocking" only; GZDoom keeps the line's "block everything".
        var level = HandMadeRuns.Read(WithSwitch("blocking = true; blockeverything = true;", "special = 55; arg0 = 5; arg2 = 1;"));

        Assert.False(ExplorationFixtures.ExploreEveryTic(level).ExitReached);
    }

    [Fact]
    public void TheValidatorOpensTheGateOnlyWhenTheSwitchIsSetOff()
    {
        var level = HandMadeRuns.Read(WithSwitch("blockplayers = true;", "special = 55; arg0 = 5; arg2 = 4;"));
        var switchLine = Enumerable.Range(0, level.Linedefs.Length).First(i => level.Linedefs[i].Special == LineBlockingChange.Special);
        int[] walk = [.. Enumerable.Range(0, 21).Select(t => 32 + (8 * t))];

        Assert.True(HandMadeRuns.Validate(level, walk, [], (0, switchLine)).Upholds);
        Assert.False(HandMadeRuns.Validate(level, walk, []).Upholds);
    }

    [Fact]
    public void AScriptsSetLineBlockingOpensTheGateAndTheRunIsUpheld()
    {
        var level = Scripted([(3, AcsScriptKind.Closed, 0, OpenGate)]);
        var change = Assert.Single(ScriptedLines.BlockingChanges(level, level.Linedefs[SwitchOf(level)]));
        Assert.Equal(new LineBlockingChange(5, LinedefFlags.None, LinedefFlags.Impassable | LinedefFlags.BlocksEverything | LinedefFlags.Railing), change);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated } && e.Detail!.Contains("Line_SetBlocking", StringComparison.Ordinal));
    }

    [Fact]
    public void AScriptThatStartsTheScriptThatOpensTheGateIsReadThroughIt()
    {
        // Script 3: lspec5direct ACS_Execute(4, 0, 0, 0, 0), terminate; script 4 opens the gate.
        var level = Scripted([(3, AcsScriptKind.Closed, 0, [13, 80, 4, 0, 0, 0, 0, 1]), (4, AcsScriptKind.Closed, 0, OpenGate)]);

        Assert.Single(ScriptedLines.BlockingChanges(level, level.Linedefs[SwitchOf(level)]));
        Assert.True(ExplorationFixtures.ExploreEveryTic(level).ExitReached);
    }

    [Theory]
    // Byte 8: thingcountdirect (0, 500); pushnumber 0; gt; ifnotgoto byte 56; delaydirect 35; goto byte 8; then the gate.
    [InlineData(new[] { 60, 0, 500, 3, 0, 22, 79, 56, 56, 35, 52, 8, 3, 5, 3, 0, 98, 1 })]
    // The same wait on the things whose tid is the script's argument (unknown): what is counted does not matter.
    [InlineData(new[] { 3, 0, 28, 0, 59, 3, 0, 22, 79, 64, 56, 35, 52, 8, 3, 5, 3, 0, 98, 1 })]
    public void AGateAScriptOpensOnceItsAmbushIsDeadIsWalkedThroughAsAnAssumption(int[] code)
    {
        var level = Scripted([(3, AcsScriptKind.Closed, 1, code)]);
        var line = level.Linedefs[SwitchOf(level)];
        Assert.Single(ScriptedLines.BlockingChanges(level, line));
        Assert.Contains("id 5", ScriptedLines.Assumption(level, line), StringComparison.Ordinal);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedOnAssumption(result, "assumed: script 3", $"through line {Gate}");
    }

    [Fact]
    public void TheValidatorTakesAGateOpenedOnAnAmbushsDeathAsAnAssumptionOnlyOnceItsSwitchIsSetOff()
    {
        var level = Scripted([(3, AcsScriptKind.Closed, 0, [60, 0, 500, 3, 0, 22, 79, 56, 56, 35, 52, 8, .. OpenGate])]);
        int[] walk = [.. Enumerable.Range(0, 21).Select(t => 32 + (8 * t))];

        var pressed = HandMadeRuns.Validate(level, walk, [], (0, SwitchOf(level)));
        Assert.True(pressed.Upholds);
        Assert.Contains(pressed.Assumptions, a => a.Contains($"through line {Gate}", StringComparison.Ordinal));
        Assert.False(HandMadeRuns.Validate(level, walk, []).Upholds);
    }

    [Theory]
    // A branch on a script variable nobody sets (an item held, a switch's state): maybe never taken.
    [InlineData(new[] { 28, 0, 79, 44, 3, 5, 3, 0, 98, 1 })]
    // A wait for a sector to stop (TagWaitDirect 7): a perpetual platform never does.
    [InlineData(new[] { 62, 7, 3, 5, 3, 0, 98, 1 })]
    public void AGateOpenedAfterAConditionThatIsNoCountOfThingsIsNotRead(int[] code)
    {
        var level = Scripted([(3, AcsScriptKind.Closed, 1, code)]);

        Assert.Empty(ScriptedLines.BlockingChanges(level, level.Linedefs[SwitchOf(level)]));
    }

    [Fact]
    public void AGateAScriptMayBeTerminatedBeforeOpeningIsNotRead()
    {
        // Script 3 starts script 4, waits a second, then opens the gate; script 4 terminates script 3 (ACS_Terminate(3, 0)
        // by lspec2direct), at a time the reading does not know. Without the terminate the delayed opening is sure.
        int[] script3 = [13, 80, 4, 0, 0, 0, 0, 56, 35, .. OpenGate];
        var terminated = Scripted([(3, AcsScriptKind.Closed, 0, script3), (4, AcsScriptKind.Closed, 0, [10, 82, 3, 0, 1])]);
        var left = Scripted([(3, AcsScriptKind.Closed, 0, script3), (4, AcsScriptKind.Closed, 0, [1])]);

        Assert.Empty(ScriptedLines.BlockingChanges(terminated, terminated.Linedefs[SwitchOf(terminated)]));
        Assert.Single(ScriptedLines.BlockingChanges(left, left.Linedefs[SwitchOf(left)]));
        Assert.Null(ScriptedLines.Assumption(left, left.Linedefs[SwitchOf(left)]));
    }

    [Fact]
    public void AScriptThatSendsMonstersToAGoalBeforeOpeningTheGateIsRead()
    {
        // lspec4direct Thing_SetGoal(10, 20, 0, 0): monster AI, which play does not simulate; then the gate opens.
        var level = Scripted([(3, AcsScriptKind.Closed, 0, [12, 229, 10, 20, 0, 0, .. OpenGate])]);

        Assert.Single(ScriptedLines.BlockingChanges(level, level.Linedefs[SwitchOf(level)]));
        Assert.True(ExplorationFixtures.ExploreEveryTic(level).ExitReached);
    }

    [Fact]
    public void AScriptThatStartsMoreScriptsThanTheReadingTakesOnIsNotRead()
    {
        // Script 3 starts script 4 (which does nothing) seventeen times, then opens the gate: past sixteen scripts read
        // for one line the reading stops, as a fan of scripts starting scripts would grow with each level of depth.
        int[] start4 = [13, 80, 4, 0, 0, 0, 0];
        int[] script3 = [.. Enumerable.Repeat(start4, 17).SelectMany(c => c), .. OpenGate];
        var level = Scripted([(3, AcsScriptKind.Closed, 0, script3), (4, AcsScriptKind.Closed, 0, [1])]);
        var fewer = Scripted([(3, AcsScriptKind.Closed, 0, [.. start4, .. OpenGate]), (4, AcsScriptKind.Closed, 0, [1])]);

        Assert.Empty(ScriptedLines.BlockingChanges(level, level.Linedefs[SwitchOf(level)]));
        Assert.Single(ScriptedLines.BlockingChanges(fewer, fewer.Linedefs[SwitchOf(fewer)]));
    }

    [Fact]
    public void AGateOpenedOnlyDownABranchIsNotPlayedAndTheExitIsUndecided()
    {
        // pushnumber 1, ifnotgoto the terminate (byte 44), then the gate's SetLineBlocking: maybe never made.
        var level = Scripted([(3, AcsScriptKind.Closed, 0, [3, 1, 79, 44, .. OpenGate])]);
        Assert.Empty(ScriptedLines.BlockingChanges(level, level.Linedefs[SwitchOf(level)]));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Contains($"line {Gate} blocks players", finding.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 1 | 32 | 64)]
    [InlineData(1, 1, 32 | 64)]
    [InlineData(2, 1 | 32, 64)]
    [InlineData(3, 1 | 64, 32)]
    [InlineData(4, 1, 32 | 64)]
    public void SetLineBlockingIsReadAsTheLineSetBlockingGzDoomMakesOfIt(int blocking, int set, int clear) =>
        Assert.Equal((set, clear), LineBlockingChange.OfAcs(blocking));

    // The start room's west wall is a use switch with the special given; the gate (line 1) has id 5 and the flag.
    internal static string WithSwitch(string flag, string special) => HandMadeRuns.ReplaceFirst(
        PlayerBlockingLineTests.Row($"{flag} id = 5;"), "blocking = true; }", $"blocking = true; {special} playeruse = true; }}");

    // The switch runs script 3 of the scripts given; the gate blocks everything.
    private static Level Scripted((int, AcsScriptKind, int, int[])[] scripts) => LevelReader.Read(
        WadFile.Read(Behavior.Wad(WithSwitch("blockeverything = true;", "special = 80; arg0 = 3;"), Behavior.Acs0(scripts))), "MAP01");

    internal static int SwitchOf(Level level) => Enumerable.Range(0, level.Linedefs.Length).First(i => level.Linedefs[i].Special == 80);
}
