namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// EV_DoPlat reads a lift's low end from its neighbours' floors when it is set off: a lift called while the lift beside
/// it waits down goes down to that one's low end. Hacx 2's MAP15 has such a chain of lifts, the last under a low
/// ceiling; the validator took each neighbour at its resting height and refuted the way down the chain.
/// </summary>
public sealed class LiftChainValidationTests
{
    // Along x: a corridor (floor 0), lift A (64, tag 1), lift B (128, tag 2), a passage under a 96 ceiling that is a
    // lift too (128, tag 3), and a room (floor 0). Lines 1, 2 and 3 are SR lifts (62) facing west, on tags 1, 2 and 3.
    private const string Textmap = """
        // Written by hand for the tests.
        namespace = "doom";
        vertex { x = 0.0; y = 0.0; }
        vertex { x = 128.0; y = 0.0; }
        vertex { x = 192.0; y = 0.0; }
        vertex { x = 256.0; y = 0.0; }
        vertex { x = 320.0; y = 0.0; }
        vertex { x = 448.0; y = 0.0; }
        vertex { x = 0.0; y = 64.0; }
        vertex { x = 128.0; y = 64.0; }
        vertex { x = 192.0; y = 64.0; }
        vertex { x = 256.0; y = 64.0; }
        vertex { x = 320.0; y = 64.0; }
        vertex { x = 448.0; y = 64.0; }
        linedef { v1 = 0; v2 = 6; sidefront = 0; blocking = true; }
        linedef { v1 = 7; v2 = 1; sidefront = 1; sideback = 2; twosided = true; special = 62; arg0 = 1; }
        linedef { v1 = 8; v2 = 2; sidefront = 3; sideback = 4; twosided = true; special = 62; arg0 = 2; }
        linedef { v1 = 9; v2 = 3; sidefront = 5; sideback = 6; twosided = true; special = 62; arg0 = 3; }
        linedef { v1 = 10; v2 = 4; sidefront = 7; sideback = 8; twosided = true; }
        linedef { v1 = 11; v2 = 5; sidefront = 9; blocking = true; }
        linedef { v1 = 6; v2 = 7; sidefront = 10; blocking = true; }
        linedef { v1 = 7; v2 = 8; sidefront = 11; blocking = true; }
        linedef { v1 = 8; v2 = 9; sidefront = 12; blocking = true; }
        linedef { v1 = 9; v2 = 10; sidefront = 13; blocking = true; }
        linedef { v1 = 10; v2 = 11; sidefront = 14; blocking = true; }
        linedef { v1 = 1; v2 = 0; sidefront = 15; blocking = true; }
        linedef { v1 = 2; v2 = 1; sidefront = 16; blocking = true; }
        linedef { v1 = 3; v2 = 2; sidefront = 17; blocking = true; }
        linedef { v1 = 4; v2 = 3; sidefront = 18; blocking = true; }
        linedef { v1 = 5; v2 = 4; sidefront = 19; blocking = true; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; }
        sidedef { sector = 1; }
        sidedef { sector = 1; }
        sidedef { sector = 2; }
        sidedef { sector = 2; }
        sidedef { sector = 3; }
        sidedef { sector = 3; }
        sidedef { sector = 4; }
        sidedef { sector = 4; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 1; texturemiddle = "STARTAN3"; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sidedef { sector = 3; texturemiddle = "STARTAN3"; }
        sidedef { sector = 4; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 1; texturemiddle = "STARTAN3"; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sidedef { sector = 3; texturemiddle = "STARTAN3"; }
        sidedef { sector = 4; texturemiddle = "STARTAN3"; }
        sector { heightfloor = 0; heightceiling = 256; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        sector { heightfloor = 64; heightceiling = 256; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; id = 1; }
        sector { heightfloor = 128; heightceiling = 256; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; id = 2; }
        sector { heightfloor = 128; heightceiling = 96; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; id = 3; }
        sector { heightfloor = 0; heightceiling = 96; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        thing { x = 32.0; y = 32.0; angle = 0; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }
        """;

    [Fact]
    public void ALiftCalledWhileTheOneBesideItIsDownGoesDownToItsLowEnd()
    {
        // Lift A is called from the corridor (tic 5), B from A while A is down (tic 10), the passage from B while B is
        // down (tic 15); then on, under the passage's ceiling of 96, into the room. Each box is clear of the last sector
        // before the next line is used.
        int[] xs = [32, 48, 64, 80, 96, 100, 116, 132, 148, 160, 164, 180, 196, 212, 224, 228, 244, 260, 276, 292, 308, 324, 340, 356];
        var verdict = HandMadeRuns.Validate(Textmap, xs, (5, 1), (10, 2), (15, 3));

        // B's low end is A's low end, 0: under the passage's 96 ceiling there is room (from A's resting 64 there was not).
        Assert.Empty(verdict.Violations);
        Assert.Contains(verdict.Assumptions, a => a.StartsWith("lift of sector 2 (line 2 ", StringComparison.Ordinal) && a.EndsWith("from 0 to 128 at any time", StringComparison.Ordinal));
    }
}
