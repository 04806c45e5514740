namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// A floor that the body holds back (T_MovePlane stops on a thing that no longer fits) goes on as soon as the body fits,
/// not only when it has left the sector: Batman Doom Reborn's MAP14 has a lift whose raising line lies at its edge, under
/// the low ceiling of the corridor before it; a player who steps on and in rides it up.
/// </summary>
public sealed class HeldPlaneValidationTests
{
    // A corridor (ceiling 64) at x 0..128, a lift (tag 1) at 128..192, a ledge at 192..320 level with the lift's top.
    // Line 1, corridor to lift, is W1 "raise floor to next higher floor" (119) on tag 1.
    private const string Textmap = """
        // Written by hand for the tests.
        namespace = "doom";
        vertex { x = 0.0; y = 0.0; }
        vertex { x = 128.0; y = 0.0; }
        vertex { x = 192.0; y = 0.0; }
        vertex { x = 320.0; y = 0.0; }
        vertex { x = 320.0; y = 64.0; }
        vertex { x = 192.0; y = 64.0; }
        vertex { x = 128.0; y = 64.0; }
        vertex { x = 0.0; y = 64.0; }
        linedef { v1 = 0; v2 = 7; sidefront = 0; blocking = true; }
        linedef { v1 = 6; v2 = 1; sidefront = 1; sideback = 2; twosided = true; special = 119; arg0 = 1; }
        linedef { v1 = 5; v2 = 2; sidefront = 3; sideback = 4; twosided = true; }
        linedef { v1 = 4; v2 = 3; sidefront = 5; blocking = true; }
        linedef { v1 = 7; v2 = 6; sidefront = 6; blocking = true; }
        linedef { v1 = 6; v2 = 5; sidefront = 7; blocking = true; }
        linedef { v1 = 5; v2 = 4; sidefront = 8; blocking = true; }
        linedef { v1 = 1; v2 = 0; sidefront = 9; blocking = true; }
        linedef { v1 = 2; v2 = 1; sidefront = 10; blocking = true; }
        linedef { v1 = 3; v2 = 2; sidefront = 11; blocking = true; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; }
        sidedef { sector = 1; }
        sidedef { sector = 1; }
        sidedef { sector = 2; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 1; texturemiddle = "STARTAN3"; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sidedef { sector = 0; texturemiddle = "STARTAN3"; }
        sidedef { sector = 1; texturemiddle = "STARTAN3"; }
        sidedef { sector = 2; texturemiddle = "STARTAN3"; }
        sector { heightfloor = 0; heightceiling = 64; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        sector { heightfloor = 0; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; id = 1; }
        sector { heightfloor = 48; heightceiling = 128; texturefloor = "FLOOR0_1"; textureceiling = "CEIL1_1"; lightlevel = 192; }
        thing { x = 32.0; y = 32.0; angle = 0; type = 1; skill1 = true; skill2 = true; skill3 = true; skill4 = true; skill5 = true; single = true; }
        """;

    private const int RaiseLine = 1;
    private const int Lift = 1;

    [Fact]
    public void AFloorTheBodyHeldBackUnderTheCorridorsCeilingRisesOnceTheBodyIsClearOfIt()
    {
        // Along y = 32: over the line at tic 7 (the box still under the corridor's ceiling, where the lift's 48 units would
        // leave 16 of room), three tics there, then into the lift clear of the corridor, and on to the ledge.
        int[] xs = [32, 46, 60, 74, 88, 102, 116, 130, 130, 130, 130, 146, 160, 174, 188, 202, 216];
        var verdict = HandMadeRuns.Validate(Textmap, xs, (7, RaiseLine));

        // Held while the box is under the corridor's ceiling (else no room there), risen before the ledge (else a 48-unit step).
        Assert.Empty(verdict.Violations);
        Assert.Contains(verdict.Assumptions, a => a.StartsWith($"floor of sector {Lift} (line {RaiseLine} ", StringComparison.Ordinal) && a.Contains("held back by the body", StringComparison.Ordinal));
    }
}
