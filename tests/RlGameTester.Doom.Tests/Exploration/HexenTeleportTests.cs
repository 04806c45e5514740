using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Teleport_NoFog (71) is (tid, useangle, tag, keepheight): its third argument is the tag, where Teleport's (70) is its
/// second. The explorer and the proof read the second for both, took Teleport_NoFog's angle flag for a sector tag, and
/// found no destination: Super Sonic Doom starts every level in a box whose way out is such a line, and the explorer
/// never left it. GZDoom's SelectTeleDest also lands on a map spot, then any thing, with the id when no teleport
/// destination has it.
/// </summary>
public sealed class HexenTeleportTests
{
    private const int TeleportLine = 3;

    [Theory]
    [InlineData(71, 14)]
    [InlineData(70, 14)]
    [InlineData(71, 9001)]
    public void TheStartBoxIsLeftByItsTeleportLineAndTheExitReached(int special, int destinationType)
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(special, destinationType)));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        var teleport = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.Teleport);
        Assert.Equal((TeleportLine, 576.0, 64.0), (teleport.Line, teleport.ToX, teleport.ToY));
    }

    [Fact]
    public void WithNoThingOfThatIdTheBoxIsNotLeftAndNothingIsProvenThatIsNot()
    {
        // The destination's id is 6, the line's 5: no way out of the box, which the proof may say.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(71, 14, destinationId: 6)));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Teleport);
    }

    [Fact]
    public void ATeleportLineOnlyMonstersSetOffTakesNoPlayerAndTheBoxIsProvenClosed()
    {
        // PSX Doom CE's monster teleports (Doom's 125 and 126 as UDMF lines with monstercross only): no player crosses
        // them, so the proof need not leave the level undecided for them.
        var textmap = Textmap(70, 14).Replace("playercross = true; repeatspecial", "monstercross = true; repeatspecial", StringComparison.Ordinal);

        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Teleport);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    // The start box A (x 0..128, y 0..128) and a pocket B east of it (x 128..160), between them line 3: a walk-over,
    // repeatable teleport to thing id 5 (Teleport_NoFog with useangle 1 and no tag, or Teleport with no tag). Apart, room
    // C (x 512..768) with the destination at (576, 64) and a walk-over exit (243) into room D (x 768..896).
    private static string Textmap(int special, int destinationType, int destinationId = 5)
    {
        var args = special == 71 ? "arg0 = 5; arg1 = 1; arg2 = 0;" : "arg0 = 5; arg1 = 0;";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            namespace = "zdoom";
            vertex { x = 0.0; y = 0.0; }
            vertex { x = 128.0; y = 0.0; }
            vertex { x = 160.0; y = 0.0; }
            vertex { x = 160.0; y = 128.0; }
            vertex { x = 128.0; y = 128.0; }
            vertex { x = 0.0; y = 128.0; }
            vertex { x = 512.0; y = 0.0; }
            vertex { x = 768.0; y = 0.0; }
            vertex { x = 896.0; y = 0.0; }
            vertex { x = 896.0; y = 128.0; }
            vertex { x = 768.0; y = 128.0; }
            vertex { x = 512.0; y = 128.0; }
            linedef { v1 = 0; v2 = 5; sidefront = 0; blocking = true; }
            linedef { v1 = 5; v2 = 4; sidefront = 1; blocking = true; }
            linedef { v1 = 1; v2 = 0; sidefront = 2; blocking = true; }
            linedef { v1 = 4; v2 = 1; sidefront = 3; sideback = 4; twosided = true; special = {{special}}; {{args}} playercross = true; repeatspecial = true; }
            linedef { v1 = 4; v2 = 3; sidefront = 5; blocking = true; }
            linedef { v1 = 3; v2 = 2; sidefront = 6; blocking = true; }
            linedef { v1 = 2; v2 = 1; sidefront = 7; blocking = true; }
            linedef { v1 = 6; v2 = 11; sidefront = 8; blocking = true; }
            linedef { v1 = 11; v2 = 10; sidefront = 9; blocking = true; }
            linedef { v1 = 10; v2 = 7; sidefront = 10; sideback = 11; twosided = true; special = 243; playercross = true; }
            linedef { v1 = 7; v2 = 6; sidefront = 12; blocking = true; }
            linedef { v1 = 10; v2 = 9; sidefront = 13; blocking = true; }
            linedef { v1 = 9; v2 = 8; sidefront = 14; blocking = true; }
            linedef { v1 = 8; v2 = 7; sidefront = 15; blocking = true; }
            sidedef { sector = 0; texturemiddle = "STARTAN3"; }
            sidedef { sector = 0; texturemiddle = "STARTAN3"; }
            sidedef { sector = 0; texturemiddle = "STARTAN3"; }
            sidedef { sector = 0; }
            sidedef { sector = 1; }
            sidedef { sector = 1; texturemiddle = "STARTAN3"; }
            sidedef { sector = 1; texturemiddle = "STARTAN3"; }
            sidedef { sector = 1; texturemiddle = "STARTAN3"; }
            sidedef { sector = 2; texturemiddle = "STARTAN3"; }
            sidedef { sector = 2; texturemiddle = "STARTAN3"; }
            sidedef { sector = 2; }
            sidedef { sector = 3; }
            sidedef { sector = 2; texturemiddle = "STARTAN3"; }
            sidedef { sector = 3; texturemiddle = "STARTAN3"; }
            sidedef { sector = 3; texturemiddle = "STARTAN3"; }
            sidedef { sector = 3; texturemiddle = "STARTAN3"; }
            sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
            sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
            sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
            sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
            thing { x = 64.0; y = 64.0; angle = 0; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }
            thing { x = 576.0; y = 64.0; angle = 0; type = {{destinationType}}; id = {{destinationId}}; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }
            """);
    }
}
