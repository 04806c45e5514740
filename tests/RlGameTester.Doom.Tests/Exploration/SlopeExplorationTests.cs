using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Plane_Align (181) slopes a floor or ceiling from the line, at the other sector's height, to the sector's furthest
/// vertex, at its own (GZDoom's P_AlignPlane). Super Sonic Doom's valleys are ringed by such slopes: read as flat sectors
/// they were steps of 64 and more, and the explorer never left the first valley. Here a ramp 256 long rises 96 to a
/// ledge with the exit beyond: climbed, and upheld by the validator, only when the ramp is sloped.
/// </summary>
public sealed class SlopeExplorationTests
{
    private const int Ramp = 1;
    private const double RampStart = 128;
    private const double RampEnd = 384;
    private const double Rise = 96;

    [Fact]
    public void ThePlaneRunsFromTheFurthestVertexAtItsOwnHeightToTheLineAtTheOtherSectors()
    {
        var level = Level(floorSlope: 1);
        var slopes = new LevelGeometry(level).Slopes;

        Assert.True(slopes.FloorSloped(Ramp));
        Assert.False(slopes.CeilingSloped(Ramp));
        Assert.False(slopes.FloorSloped(0));
        Assert.Equal(0, slopes.FloorOffset(Ramp, RampStart, 10), 6);
        Assert.Equal(Rise, slopes.FloorOffset(Ramp, RampEnd, 50), 6);
        Assert.Equal(Rise * 100 / 256, slopes.FloorOffset(Ramp, RampStart + 100, 32), 6);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void ATriangularSectorIsSlopedThroughItsVerticesHeightsAndNoOtherIs(int corners, bool sloped)
    {
        // A sector on (0, 0), (256, 0), (0, 256) (and (256, 256) for four corners); the second vertex's zfloor is 64,
        // the others give none and stand at the sector's floor, 0: the plane rises a quarter unit a unit along x.
        (int X, int Y)[] all = [(0, 0), (256, 0), (256, 256), (0, 256)];
        var points = corners == 3 ? [all[0], all[1], all[3]] : all;
        var vertices = string.Concat(points.Select((p, i) => $"vertex {{ x = {p.X}.0; y = {p.Y}.0;{(i == 1 ? " zfloor = 64.0;" : "")} }}\n"));
        var lines = string.Concat(points.Select((_, i) => $"linedef {{ v1 = {i}; v2 = {(i + 1) % points.Length}; sidefront = {i}; blocking = true; }}\n"));
        var sides = string.Concat(points.Select(_ => "sidedef { sector = 0; texturemiddle = \"STARTAN3\"; }\n"));
        var level = HandMadeRuns.Read("namespace = \"zdoom\";\n" + vertices + lines + sides +
            "sector { heightfloor = 0; heightceiling = 128; texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; }\n" +
            "thing { x = 32.0; y = 32.0; type = 1; skill3 = true; single = true; }\n");

        Assert.Equal(64, level.VertexHeights[1].Floor);
        var slopes = new LevelGeometry(level).Slopes;
        Assert.Equal(sloped, slopes.FloorSloped(0));
        Assert.False(slopes.CeilingSloped(0));
        Assert.Equal(sloped ? 32 : 0, slopes.FloorOffset(0, 128, 64), 6);
    }

    [Fact]
    public void InDoomsNumberingTheSpecialIsAPlatformAndNothingIsSloped()
    {
        var level = HandMadeRuns.Read(HandMadeRuns.RowOfRooms(Rooms, [(0, 0), (181, 1), (52, 0)]));

        Assert.False(new LevelGeometry(level).Slopes.Any);
    }

    [Fact]
    public void TheRampIsClimbedToTheExitAndTheValidatorUpholdsIt()
    {
        var result = ExplorationFixtures.ExploreEveryTic(Level(floorSlope: 1));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        // The body's feet follow the slope: half way up the ramp, half the rise (within a cell's rounding).
        var halfWay = result.Events.First(e => e.Kind == ExplorerEventKind.Position && e.X >= (RampStart + RampEnd) / 2);
        Assert.InRange(halfWay.Z, (Rise * (halfWay.X - RampStart) / 256) - 4, (Rise * (halfWay.X - RampStart) / 256) + 4);
    }

    [Fact]
    public void UnslopedTheRampIsAStepOfNinetySixAndTheExitIsProvenOutOfReach()
    {
        var result = ExplorationFixtures.ExploreEveryTic(Level(floorSlope: 0));

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
    }

    [Fact]
    public void ACeilingSlopedDownToTheLedgeLeavesNoRoomAndTheExitIsNotReached()
    {
        // The ramp's ceiling runs from 160 at its start down to the ledge room's ceiling (96 + 40) at the line: 40 of room.
        var result = ExplorationFixtures.ExploreEveryTic(Level(floorSlope: 1, ceilingSlope: 1, ledgeCeiling: 136));

        Assert.False(result.ExitReached);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void TheValidatorReadsTheSlopeOnItsOwnWalkUpTheRamp(int floorSlope, bool upheld)
    {
        // A walk written by hand, 8 units a tic from the start into the exit room (x 480): only the sloped ramp lets it climb.
        var xs = Enumerable.Range(0, 57).Select(t => 32 + (8 * t)).ToArray();

        var verdict = HandMadeRuns.Validate(Level(floorSlope), xs, []);

        if (upheld)
        {
            Assert.Empty(verdict.Violations);
        }
        else
        {
            Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.StepTooHigh);
        }
    }

    [Fact]
    public void AWalkDownTheSlopeStaysOnItAndMayStopThere()
    {
        // Up the ramp to x 352, back down to 200 and a stop there: walking down its own sloped floor, the body stays on it
        // (P_TryMove's onfloor), so stopping on the slope is no change of course in the air.
        int[] xs = [.. Enumerable.Range(0, 41).Select(t => 32 + (8 * t)), .. Enumerable.Range(1, 19).Select(t => 352 - (8 * t)), 200, 200, 200];

        var verdict = HandMadeRuns.Validate(Level(floorSlope: 1), xs, []);

        Assert.Empty(verdict.Violations);
    }

    private static readonly Room[] Rooms =
        [new Room(128, 0, 160), new Room(256, 0, 160), new Room(64, 96, 256), new Room(64, 96, 256)];

    // Rooms along x: the start (0..128), the ramp (128..384, floor 0 at rest), the ledge (384..448, floor 96) and beyond a
    // walk-over Exit_Normal the exit room. Line 2, between the ramp (its front) and the ledge, is Plane_Align: arg0 1
    // slopes the ramp's floor, arg1 1 its ceiling. UDMF's ZDoom namespace, Hexen's numbering.
    private static Level Level(int floorSlope, int ceilingSlope = 0, int ledgeCeiling = 256)
    {
        Room[] rooms = [Rooms[0], Rooms[1], Rooms[2] with { Ceiling = ledgeCeiling }, Rooms[3]];
        var text = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(rooms, [(0, 0), (SectorSlopes.PlaneAlign, floorSlope), (243, 0)]))
            .Replace($"special = {SectorSlopes.PlaneAlign}; arg0 = {floorSlope};", $"special = {SectorSlopes.PlaneAlign}; arg0 = {floorSlope}; arg1 = {ceilingSlope};", StringComparison.Ordinal);
        return HandMadeRuns.Read(text);
    }
}
