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
    private static readonly string Textmap = HandMadeRuns.RowOfRooms(
        [new Room(128, 0, 256), new Room(64, 64, 256, Tag: 1), new Room(64, 128, 256, Tag: 2), new Room(64, 128, 96, Tag: 3), new Room(128, 0, 96)],
        [(62, 1), (62, 2), (62, 3), (0, 0)]);

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
        Assert.Contains(verdict.Assumptions, a => a.StartsWith("lift of sector 2 (line 2 ", StringComparison.Ordinal) && a.EndsWith("from 0 to 128 for the 169 tics until it is back at rest", StringComparison.Ordinal));
    }
}
