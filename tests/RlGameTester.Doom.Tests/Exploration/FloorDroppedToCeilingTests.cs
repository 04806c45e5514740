using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// "Floor raise to lowest ceiling" (S1 101) on a shut sector whose lowest neighbour ceiling is below its floor: Doom's
/// T_MovePlane puts the floor there at once, and the sector opens. Batman Doom Reborn's MAP11 opens a secret passage
/// so. The explorer counted every floor raised to a ceiling as a closing move and never set the line off.
/// </summary>
public sealed class FloorDroppedToCeilingTests
{
    private const int Switch = 3;

    [Fact]
    public void TheSwitchThatDropsTheShutFloorIsPressedAndTheExitBehindItReached()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(sliverCeiling: 8)));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Switch });
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.Position, Sector: 1, Z: 8 });
    }

    [Fact]
    public void WhereTheSameSwitchWouldMoveNothingItIsLeftAndNamedAsWhereThePlayStopped()
    {
        // The sliver's ceiling above the shut sector's: the lowest ceiling around is its own, and nothing moves. (The proof
        // lets the floor take any height its neighbours have, so this is not proven.)
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Textmap(sliverCeiling: 200)));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Switch });
        var verdict = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal((ElementKind.Line, Switch), (verdict.ElementKind, verdict.ElementIndex));
    }

    // The start room A (x 0..192, floor 0), the shut sector B (x 192..224, floor = ceiling = 64, tag 9), the exit room C
    // (x 224..416, floor 8) with an S1 exit switch on its east wall, and a sliver D north of B (y 128..136, floor 8,
    // shut) whose ceiling is B's lowest neighbour ceiling. Line 3, between A and B, facing A: S1 floor raise to lowest
    // ceiling, tag 9.
    private static string Textmap(int sliverCeiling) => string.Create(CultureInfo.InvariantCulture, $$"""
        namespace = "doom";
        vertex { x = 0.0; y = 0.0; }
        vertex { x = 192.0; y = 0.0; }
        vertex { x = 224.0; y = 0.0; }
        vertex { x = 416.0; y = 0.0; }
        vertex { x = 416.0; y = 128.0; }
        vertex { x = 224.0; y = 128.0; }
        vertex { x = 192.0; y = 128.0; }
        vertex { x = 0.0; y = 128.0; }
        vertex { x = 224.0; y = 136.0; }
        vertex { x = 192.0; y = 136.0; }
        linedef { v1 = 0; v2 = 7; sidefront = 0; blocking = true; }
        linedef { v1 = 7; v2 = 6; sidefront = 1; blocking = true; }
        linedef { v1 = 1; v2 = 0; sidefront = 2; blocking = true; }
        linedef { v1 = 6; v2 = 1; sidefront = 3; sideback = 4; twosided = true; special = 101; arg0 = 9; }
        linedef { v1 = 2; v2 = 1; sidefront = 5; blocking = true; }
        linedef { v1 = 6; v2 = 5; sidefront = 6; sideback = 7; twosided = true; }
        linedef { v1 = 5; v2 = 2; sidefront = 8; sideback = 9; twosided = true; }
        linedef { v1 = 3; v2 = 2; sidefront = 10; blocking = true; }
        linedef { v1 = 4; v2 = 3; sidefront = 11; blocking = true; special = 11; }
        linedef { v1 = 5; v2 = 4; sidefront = 12; blocking = true; }
        linedef { v1 = 9; v2 = 8; sidefront = 13; blocking = true; }
        linedef { v1 = 6; v2 = 9; sidefront = 14; blocking = true; }
        linedef { v1 = 8; v2 = 5; sidefront = 15; blocking = true; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturebottom = "SW1STARG"; }
        sidedef { sector = 1; }
        sidedef { sector = 1; texturemiddle = "STARTAN3"; }
        sidedef { sector = 1; }
        sidedef { sector = 3; }
        sidedef { sector = 1; }
        sidedef { sector = 2; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sidedef { sector = 2; texturemiddle = "SW1STARG"; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sidedef { sector = 3; texturemiddle = "STARTAN3"; }
        sidedef { sector = 3; texturemiddle = "STARTAN3"; }
        sidedef { sector = 3; texturemiddle = "STARTAN3"; }
        sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        sector { heightfloor = 64; heightceiling = 64; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; id = 9; }
        sector { heightfloor = 8; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        sector { heightfloor = 8; heightceiling = {{sliverCeiling}}; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        thing { x = 32.0; y = 64.0; angle = 0; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }
        """);
}
