using RlGameTester.Doom.Acs;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// A map's scripts are a limit of the proof (they can move any tagged sector, teleport, end the level) unless every
/// path of every script does nothing a way depends on: PSX Doom CE's seventy levels each carry an OPEN script that only
/// sets lights, and none of them could be proven anything before. The exit room behind a sector closed for good is
/// proven unreachable with such a script, and left undecided with one that opens it.
/// </summary>
public sealed class HarmlessScriptProofTests
{
    [Fact]
    public void ALevelWhoseScriptOnlyLightsSectorsIsProvenAsIfItHadNone()
    {
        // Script 1 (OPEN): Light_ChangeToValue(5, 200) (ACS0: Lspec2Direct 112 5 200; Terminate).
        var finding = ExitFinding(HandMadeLevel([10, 112, 5, 200, 1]));

        Assert.Equal(ExplorerFindingKind.ExitUnreachable, finding.Kind);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    [Fact]
    public void ALevelWhoseScriptMayOpenTheWayIsLeftUndecided()
    {
        // Script 1 (OPEN): Door_Open(5, 16): it opens the closed sector.
        var finding = ExitFinding(HandMadeLevel([10, 11, 5, 16, 1]));

        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("acs script", finding.Evidence["mechanic"]);
    }

    private static ExplorerFinding ExitFinding(Level level) =>
        Assert.Single(ExplorationFixtures.ExploreEveryTic(level).Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);

    // The start room, a sector closed for good (tag 5, floor and ceiling 0; no line moves it) and the exit room past a
    // walk-over Exit_Normal, with one OPEN script.
    private static Level HandMadeLevel(int[] code) => LevelReader.Read(WadFile.Read(Behavior.Wad(
        HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(64, 0, 0, Tag: 5), new Room(64, 0, 160)], [(0, 0), (243, 0)])),
        Behavior.Acs0(1, AcsScriptKind.Open, 0, code))), "MAP01");
}
