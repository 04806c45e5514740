using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Lines that block players only (MBF21's bit 13, ZDoom's <c>blockplayers</c>), everything (<c>blockeverything</c>),
/// have a solid middle texture (<c>midtex3d</c>) or are railings (<c>jumpover</c>): a
/// row of three rooms whose line between the start and the middle room carries the flag, the exit line beyond. Until
/// 2026-12-06 the readers dropped these flags, the explorer walked through such a line and Project Zolee MAP01 and MAP02
/// were "finished" through gates their scripts open later.
/// </summary>
public sealed class PlayerBlockingLineTests
{
    [Theory]
    [InlineData("blockplayers = true;")]
    [InlineData("blockeverything = true;")]
    public void ALineThatBlocksPlayersIsAWallToTheExplorerAndTheProof(string flag)
    {
        var level = HandMadeRuns.Read(Row(flag));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    [Theory]
    [InlineData("midtex3d = true;", "3D middle texture")]
    [InlineData("jumpover = true;", "railing")]
    public void ALinePlayedAsAWallAPlayerMayGetPastIsALimitOfTheProof(string flag, string mechanic)
    {
        // A 3D middle texture is solid where its texture is drawn (play does not read textures' sizes); a railing's
        // opening starts 32 units up, cleared by a jump. Either line is a wall to the explorer and the proof, which says
        // so instead of proving the exit out of reach.
        var level = HandMadeRuns.Read(Row(flag));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal(mechanic, finding.Evidence["mechanic"]);
    }

    [Theory]
    [InlineData("midtex3d = true;")]
    [InlineData("jumpover = true;")]
    public void ALinePlayedAsAWallDoesNotMakeALevelWithoutAnExitEndAnotherWay(string flag)
    {
        // With no exit line at all, the level cannot be finished: a wall-like line ends nothing, so the finding stays the
        // one a level without the line gets, not "may end another way".
        static ExplorerFinding NoExit(string flag) => Assert.Single(
            ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(HandMadeRuns.ReplaceFirst(Row(flag), "special = 243; playercross = true;", "special = 0;"))).Findings,
            f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);

        var plain = NoExit(flag: "");
        var walled = NoExit(flag);

        Assert.Equal(ExplorerFindingKind.ExitUnreachable, walled.Kind);
        Assert.Equal((plain.Title, plain.Severity), (walled.Title, walled.Severity));
    }

    [Fact]
    public void TheValidatorRefutesAWalkThroughALineThatBlocksPlayers()
    {
        int[] walk = [.. Enumerable.Range(0, 21).Select(t => 32 + (8 * t))];

        Assert.True(HandMadeRuns.Validate(Row(flag: ""), walk).Upholds);
        Assert.False(HandMadeRuns.Validate(Row("blockplayers = true;"), walk).Upholds);
    }

    [Fact]
    public void MbfTwentyOnesBlockPlayersBitIsReadUnlessTheReservedBitClearsTheHighFlags()
    {
        var edit = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        edit.SetLineField(10, 2, (ushort)(edit.LineField(10, 2) | 0x2000));
        edit.SetLineField(11, 2, (ushort)(edit.LineField(11, 2) | 0x2000 | 0x800));

        var level = LevelReader.Read(Doom.Wad.WadFile.Read(edit.ToWad()), "MAP01");

        Assert.True(level.Linedefs[10].HasFlag(LinedefFlags.BlocksPlayers));
        Assert.True(level.Linedefs[10].BlocksPlayer);
        Assert.False(level.Linedefs[11].HasFlag(LinedefFlags.BlocksPlayers));
    }

    // The start (128 wide), a room past the gate (line 1) and the exit room past a walk-over Exit_Normal (line 2).
    internal static string Row(string flag)
    {
        const string gate = "special = 0; arg0 = 0;";
        return HandMadeRuns.ReplaceFirst(HandMadeRuns.ThroughOneRoom(new Room(64, 0, 128)), gate, $"{gate} {flag}");
    }
}
