using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Gates the level's own start scripts open (Project Zolee MAP02's arena: an OPEN script waits until no monster with
/// tid 500 is left, then clears the gate's blocking): the row of <see cref="PlayerBlockingLineTests"/>, whose line 1
/// (id 5) blocks everything, with no switch. Play takes the gate as open from the start; one that waits on a condition
/// is an assumption that the explorer's finish and the validator's verdict both state. A gate the reading cannot place
/// in time (shut after a wait, changed twice, changed by two scripts) is not read, and the exit stays undecided.
/// </summary>
public sealed class StartScriptGateTests
{
    private const int Gate = 1;

    // pushnumber 5, pushnumber 0 (BLOCK_NOTHING), setlineblocking, terminate (ACS0 words).
    private static readonly int[] OpenGate = [3, 5, 3, 0, 98, 1];

    // Byte 8: thingcountdirect (0, 500); pushnumber 0; gt; ifnotgoto byte 56; delaydirect 35; goto byte 8; then, at
    // byte 56, the gate opens: while (ThingCount(T_NONE, 500) > 0) delay(35);
    private static readonly int[] WaitForTheArena = [60, 0, 500, 3, 0, 22, 79, 56, 56, 35, 52, 8, .. OpenGate];

    [Fact]
    public void AGateAnOpenScriptOpensOnceItsArenaIsClearedIsWalkedThroughAndTheFinishSaysItWasAssumed()
    {
        var level = Scripted([(1, AcsScriptKind.Open, 0, WaitForTheArena)]);
        var gate = Assert.Single(StartScriptGates.Of(level));
        Assert.Equal((1, 5, true), (gate.Script, gate.Change.LineId, gate.Waits));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedOnAssumption(result, "script 1, started with the level, gets past its wait or condition and opens the lines with id 5",
            $"script 1, started with the level, got past its wait or condition before the body went through line {Gate}");
    }

    [Theory]
    [InlineData(AcsScriptKind.Open)]
    [InlineData(AcsScriptKind.Enter)]
    public void AGateAStartScriptOpensAtOnceIsOpenWithoutAssumption(AcsScriptKind kind)
    {
        var level = Scripted([(1, kind, 0, OpenGate)]);
        Assert.False(Assert.Single(StartScriptGates.Of(level)).Waits);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.DoesNotContain(result.ExitAssumptions, a => a.Contains("script 1", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Validation!.Assumptions, a => a.Contains("script 1", StringComparison.Ordinal));
    }

    [Fact]
    public void TheValidatorLetsAWalkThroughTheGateOnlyWhereAStartScriptOpensIt()
    {
        int[] walk = [.. Enumerable.Range(0, 21).Select(t => 32 + (8 * t))];
        var scripted = HandMadeRuns.Validate(Scripted([(1, AcsScriptKind.Open, 0, WaitForTheArena)]), walk, []);
        var unscripted = HandMadeRuns.Validate(Scripted([(1, AcsScriptKind.Closed, 0, WaitForTheArena)]), walk, []);

        Assert.True(scripted.Upholds);
        Assert.Contains(scripted.Assumptions, a => a.Contains($"line {Gate}", StringComparison.Ordinal));
        Assert.False(unscripted.Upholds);
        Assert.Contains(unscripted.Violations, v => v.ElementIndex == Gate);
    }

    [Theory]
    // delaydirect 35, then SetLineBlocking(5, BLOCK_EVERYTHING): a gate shut at a time the reading cannot know.
    [InlineData(new[] { 56, 35, 3, 5, 3, 2, 98, 1 })]
    // The gate opened at once, then shut again after a delay: the line id is changed twice.
    [InlineData(new[] { 3, 5, 3, 0, 98, 56, 35, 3, 5, 3, 2, 98, 1 })]
    // pushnumber 9, giveinventory: something the reading cannot bound, so the script is left out whole.
    [InlineData(new[] { 3, 9, 143, 3, 5, 3, 0, 98, 1 })]
    // A branch on a map variable (pushmapvar 0; ifnotgoto the terminate): a condition that is no count of things.
    [InlineData(new[] { 29, 0, 79, 44, 3, 5, 3, 0, 98, 1 })]
    public void AStartScriptWhoseGateCannotBePlacedInTimeIsNotReadAndTheExitIsUndecided(int[] code)
    {
        var level = Scripted([(1, AcsScriptKind.Open, 0, code)]);
        Assert.Empty(StartScriptGates.Of(level));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitNotReached or ExplorerFindingKind.ExitUnreachable);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Contains($"line {Gate} blocks players", finding.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AGateTwoStartScriptsChangeIsLeftOutAndAClosedScriptsIsNeverRead()
    {
        // The waiting script first: its jumps name the bytes it is laid at.
        Assert.Empty(StartScriptGates.Of(Scripted([(2, AcsScriptKind.Enter, 0, WaitForTheArena), (1, AcsScriptKind.Open, 0, OpenGate)])));
        Assert.Empty(StartScriptGates.Of(Scripted([(1, AcsScriptKind.Closed, 0, OpenGate)])));
        Assert.False(ExplorationFixtures.ExploreEveryTic(Scripted([(1, AcsScriptKind.Closed, 0, OpenGate)])).ExitReached);
    }

    // The row with its gate (id 5) blocking everything, and the scripts given.
    private static Level Scripted((int, AcsScriptKind, int, int[])[] scripts) => LevelReader.Read(
        WadFile.Read(Behavior.Wad(PlayerBlockingLineTests.Row("blockeverything = true; id = 5;"), Behavior.Acs0(scripts))), "MAP01");
}
