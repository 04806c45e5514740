using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// A hitscan reaches MISSILERANGE, 2048 units (P_LineAttack); the validator allowed 1024 (the explorer's own choice of
/// where to shoot from), so it refused runs that shot a gun line across a big hall, as PSX Doom CE's MAP46 does from
/// 1,380 units.
/// </summary>
public sealed class ShotRangeValidationTests
{
    [Theory]
    [InlineData(1600, true)]
    [InlineData(2200, false)]
    public void AGunLineIsShotFromAsFarAsDoomsHitscanReaches(int width, bool upheld)
    {
        // Room A (width units) and room B; line 1 between them is a gun-set-off Light_ChangeToValue, shot from the start.
        var textmap = HandMadeRuns.ReplaceFirst(
            HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(width, 0, 160), new Room(64, 0, 160)], [(112, 7)])),
            "special = 112; arg0 = 7;", "special = 112; arg0 = 7; arg1 = 200; impact = true;");

        var verdict = HandMadeRuns.Validate(textmap, [32, 32, 32], (1, 1));

        Assert.Equal(upheld, verdict.Upholds);
        Assert.Equal(upheld, !verdict.Refutations.Any(v => v.Rule == TrajectoryRules.ShotOutOfRange));
    }
}
