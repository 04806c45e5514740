using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Lines that block players only (MBF21's bit 13, ZDoom's <c>blockplayers</c>), everything (<c>blockeverything</c>) or
/// have a solid middle texture (<c>midtex3d</c>): a
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

    [Fact]
    public void ASolidMiddleTextureIsAWallAndALimitOfTheProof()
    {
        // A 3D middle texture is solid where its texture is drawn; play does not read textures' sizes, so the line is a
        // wall to the explorer and the proof, which says so instead of proving the exit out of reach.
        var level = HandMadeRuns.Read(Row("midtex3d = true;"));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("3D middle texture", finding.Evidence["mechanic"]);
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
