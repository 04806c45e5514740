using System.Text.RegularExpressions;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// ZDoom's solid 3D floors, played as the space a body has in their sectors: a row of rooms (the start, the 3D floor's
/// room with tag 7, the exit room past a walk-over Exit_Normal, and the control sector, whose east wall carries
/// Sector_Set3dFloor(7, 1)). Until 2026-12-05 a 3D floor was an unsimulated special the explorer walked through: a block
/// from floor to ceiling was no wall, and its exit was "reached".
/// </summary>
public sealed partial class ThreeDFloorExplorationTests
{
    private const int Room = 1;

    [Fact]
    public void ABlockFromFloorToCeilingClosesTheWayAndTheProofSaysSo()
    {
        var level = Level(control: (0, 160));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
        Assert.Equal(FindingSeverity.Critical, finding.Severity);
        Assert.Equal((0, 0), Played(level, Room));
    }

    [Fact]
    public void AStepIsClimbedAndTheValidatorUpholdsTheWayOnTopOfIt()
    {
        var level = Level(control: (0, 16));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Equal((16, 160), Played(level, Room));
    }

    [Fact]
    public void ABridgeIsWalkedUnderAndItsTopStaysUndecidedForTheProof()
    {
        var level = Level(control: (96, 112), roomCeiling: 256);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Equal((0, 96), Played(level, Room));
        // The deck's top is a space the sector's one floor leaves out: the line stays among what the proof cannot decide.
        Assert.Contains(ThreeDFloors.Bake(level, new LevelGeometry(level)).Linedefs, l => l.Special == ThreeDFloors.Special);
    }

    [Fact]
    public void ABridgeOverAPitIsCrossedOnItsDeck()
    {
        // The room is a pit 256 deep with a deck at the level of the rooms on both sides: both neighbours are a step from
        // the deck, none from the pit's floor, so the deck is the space played (the pit under it stays for the proof).
        var level = Level(control: (-16, 0), roomFloor: -256);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Equal((0, 160), Played(level, Room));
    }

    [Fact]
    public void AThreeDFloorWhoseControlSectorASwitchMovesIsLeftUnsimulated()
    {
        // Line 1 (start | 3D room) becomes a switch raising the control sector's floor (tag 9): the slab moves, so the
        // sector keeps its own heights and the line its special, and nothing is proven.
        var text = Text(control: (0, 160), roomFloor: 0, roomCeiling: 160, controlTag: 9)
            .Replace("special = 0; arg0 = 0;", "special = 23; arg0 = 9; arg1 = 8; arg2 = 64; playeruse = true;", StringComparison.Ordinal);
        var level = HandMadeRuns.Read(text);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.Equal((0, 160), Played(level, Room));
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
    }

    [Fact]
    public void APlayerSwimsUpAPoolOfWaterAndClimbsOutAtItsSurface()
    {
        // The room is a pool 128 deep, swimmable water (type 2) up to the start room's floor; the exit room is 16 up.
        var level = Level(control: (-128, 0), roomFloor: -128, type: 2);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        Assert.Equal((0, 160), Played(level, Room));
        // The depths are ways the surface leaves out (a tunnel under the water): the line stays for the proof.
        Assert.Contains(ThreeDFloors.Bake(level, new LevelGeometry(level)).Linedefs, l => l.Special == ThreeDFloors.Special);
    }

    [Fact]
    public void WaterTooShallowToSwimInLeavesThePitAsItIs()
    {
        // 24 units of water at the bottom of the pit: waded, not swum; the pit stays a pit and nothing is proven.
        var level = Level(control: (-128, -104), roomFloor: -128, type: 2);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        Assert.Equal((-128, 160), Played(level, Room));
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
    }

    [Fact]
    public void APlayerSwimsOverAPoolWhoseFloorSlopesDownFromTheShore()
    {
        // Super Sonic Doom's lakes: the pool's floor slopes (Plane_Align on the start's line) from the start's floor down
        // to 128 below it, under water up to the start's floor. Until 2026-12-06 a sloped sector's water was left as
        // drawn, and the exit room, 16 above the water, was 144 above the far end of the pool's floor.
        var level = HandMadeRuns.Read(SlopedPool(water: (-128, 0)));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var played = ThreeDFloors.Bake(level, new LevelGeometry(level));
        Assert.Equal((0, 160), (played.Sectors[Room].FloorHeight, played.Sectors[Room].CeilingHeight));
        // The surface is flat: the line that sloped the pool's floor slopes it no more.
        Assert.False(new LevelGeometry(played).Slopes.FloorSloped(Room));
    }

    [Fact]
    public void ASlopedFloorThatRisesOutOfTheWaterIsLeftAsDrawn()
    {
        // The water's surface is 32 under the start's floor, where the pool's floor meets it: a shore rising out of the
        // water is neither the surface nor the floor, so the sector keeps its slope and nothing is proven.
        var level = HandMadeRuns.Read(SlopedPool(water: (-128, -32)));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.False(result.ExitReached);
        Assert.Equal((-128, 160), Played(level, Room));
        Assert.True(new LevelGeometry(ThreeDFloors.Bake(level, new LevelGeometry(level))).Slopes.FloorSloped(Room));
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
    }

    [Fact]
    public void ASlopeBesideWaterKeepsThePlaneItWasDrawnWith()
    {
        // The exit room's floor is sloped along its line with the pool, at the pool's floor as drawn (-128), up to its own
        // (16) at the far wall. GZDoom aligns it when the level loads; the pool played at its surface must not move it.
        var text = Text((-128, 0), roomFloor: -128, roomCeiling: 160, controlTag: 0, type: 2)
            .Replace("special = 243; playercross = true; arg0 = 0;", "special = 181; arg0 = 2;", StringComparison.Ordinal);
        var level = HandMadeRuns.Read(text);
        var drawn = new LevelGeometry(level);

        var played = new LevelGeometry(ThreeDFloors.Bake(level, drawn));

        Assert.Equal(0, played.Level.Sectors[Room].FloorHeight);
        Assert.Equal(-144, drawn.Slopes.FloorOffset(Room + 1, 192, 32), precision: 6);
        Assert.Equal(drawn.Slopes.FloorOffset(Room + 1, 192, 32), played.Slopes.FloorOffset(Room + 1, 192, 32), precision: 6);
    }

    [Fact]
    public void APlatformIsWalkedUnderOnceTheLedgeBesideItIsLowered()
    {
        // JAMP2 MAP04's teleport pad: the platform room's one neighbour, a ledge level with the platform's top, is lowered
        // by a switch in the start room to the floor under the platform, and the way on (here the exit line) runs under
        // it. Read with the ledge as drawn, the top was played: 96 up from the lowered ledge, the exit never crossed.
        var level = HandMadeRuns.Read(PlatformBesideALedge());

        var result = ExplorationFixtures.ExploreEveryTic(level);

        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var geometry = new LevelGeometry(level);
        var played = ThreeDFloors.Bake(level, geometry, s => s == 1 ? (0, 96) : (level.Sectors[s].FloorHeight, level.Sectors[s].FloorHeight)).Sectors[2];
        Assert.Equal((0, 88), (played.FloorHeight, played.CeilingHeight));
        // The ledge as drawn alone picks the platform's top: the heights its mover gives it are what decide.
        Assert.Equal((96, 256), Played(level, 2));
    }

    private static (int Floor, int Ceiling) Played(Level level, int sector)
    {
        var played = ThreeDFloors.Bake(level, new LevelGeometry(level)).Sectors[sector];
        return (played.FloorHeight, played.CeilingHeight);
    }

    private static Level Level((int Floor, int Ceiling) control, int roomFloor = 0, int roomCeiling = 160, int type = 1) =>
        HandMadeRuns.Read(Text(control, roomFloor, roomCeiling, controlTag: 0, type));

    private static string Text((int Floor, int Ceiling) control, int roomFloor, int roomCeiling, int controlTag, int type = 1)
    {
        var text = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 160), new Room(64, roomFloor, roomCeiling, Tag: 7), new Room(64, 16, 160), new Room(64, control.Floor, control.Ceiling, Tag: controlTag)],
            [(0, 0), (243, 0), (0, 0)]));

        // The control sector's east wall (vertex 9 to vertex 4, one-sided) places the 3D floor: type 1 solid, 2 swimmable.
        return EastWall().Replace(text, m => m.Value.Replace("blocking = true;", $"blocking = true; special = 160; arg0 = 7; arg1 = {type};", StringComparison.Ordinal), 1);
    }

    // The 3D floor's room as a pool 128 deep under swimmable water, its floor sloped by Plane_Align on the start's line
    // (arg0 2: the back sector's floor, from the start's floor along the line down to its own at the far wall).
    private static string SlopedPool((int Floor, int Ceiling) water) =>
        HandMadeRuns.ReplaceFirst(Text(water, roomFloor: -128, roomCeiling: 160, controlTag: 0, type: 2), "special = 0; arg0 = 0;", "special = 181; arg0 = 2;");

    // The start (0..256), the ledge (96..256, tag 9), the platform room (0..256, tag 7: a slab 88..96 across it) and, apart,
    // the control sector (88..96) whose east wall places the slab. A switch on the start's east line lowers the ledge to
    // its lowest neighbour floor; the ledge's east line, into the platform room, is a walk-over exit.
    private static string PlatformBesideALedge()
    {
        (int X, int Y)[] vertices = [(0, 0), (128, 0), (192, 0), (256, 0), (0, 64), (128, 64), (192, 64), (256, 64), (512, 0), (576, 0), (576, 64), (512, 64)];
        HandLine[] lines =
        [
            new(0, 4, 0), new(5, 1, 0, 1, 21, 9), new(6, 2, 1, 2, 243, 0), new(7, 3, 2),
            new(4, 5, 0), new(5, 6, 1), new(6, 7, 2), new(1, 0, 0), new(2, 1, 1), new(3, 2, 2),
            new(8, 11, 3), new(11, 10, 3), new(10, 9, 3), new(9, 8, 3),
        ];
        var text = HandMadeRuns.InZDoom(HandMadeRuns.Textmap(vertices, lines, [(0, 256, 0), (96, 256, 9), (0, 256, 7), (88, 96, 0)], (32, 32)))
            .Replace("special = 21; arg0 = 9;", "special = 21; arg0 = 9; arg1 = 32; playeruse = true;", StringComparison.Ordinal);
        return ControlWall().Replace(text, m => m.Value.Replace("blocking = true;", "blocking = true; special = 160; arg0 = 7; arg1 = 1;", StringComparison.Ordinal), 1);
    }

    [GeneratedRegex(@"linedef \{ v1 = 10; v2 = 9; sidefront = \d+; blocking = true; \}")]
    private static partial Regex ControlWall();

    [GeneratedRegex(@"linedef \{ v1 = 9; v2 = 4; sidefront = \d+; blocking = true; \}")]
    private static partial Regex EastWall();
}
