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
    private static readonly string Textmap = HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 64), new Room(64, 0, 128, Tag: 1), new Room(128, 48, 128)],
        [(119, 1), (0, 0)]);

    private const int RaiseLine = 1;
    private const int Lift = 1;

    [Fact]
    public void AFloorTheBodyHeldBackUnderTheCorridorsCeilingRisesOnceTheBodyIsClearOfIt()
    {
        // Along y = 32: over the line at tic 7 (the box still under the corridor's ceiling, where the lift's 48 units would
        // leave 16 of room), 14 tics there (the lift, a unit a tic, leaves too little room from about tic 16), then into
        // the lift clear of the corridor, riding it up until tic 73, and on to the ledge.
        int[] xs = [32, 46, 60, 74, 88, 102, 116, 130, .. Enumerable.Repeat(130, 14), 146, 160, .. Enumerable.Repeat(160, 50), 174, 188, 202, 216];
        var verdict = HandMadeRuns.Validate(Textmap, xs, (7, RaiseLine));

        // Held while the box is under the corridor's ceiling (else no room there), risen before the ledge (else a 48-unit step).
        Assert.Empty(verdict.Violations);
        Assert.Contains(verdict.Assumptions, a => a.StartsWith($"floor of sector {Lift} (line {RaiseLine} ", StringComparison.Ordinal) && a.Contains("held back by the body", StringComparison.Ordinal));
    }
}
