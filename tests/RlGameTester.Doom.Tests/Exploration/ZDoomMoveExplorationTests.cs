using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// ZDoom's floor, ceiling and plat specials beyond Hexen's few, played where they open the way: a switch whose
/// Ceiling_MoveToValue lifts a closed sector's ceiling to 128 is pressed, the way walked and the validator upholds it; a
/// Generic_Door locked to the red keycard is not opened without it (until 2026-12-05 the explorer read Generic_Door's
/// lock nowhere and Door_Animated's in no reader).
/// </summary>
public sealed class ZDoomMoveExplorationTests
{
    private const int Switch = 1;

    [Fact]
    public void ASwitchThatMovesACeilingToAValueOpensTheWayAndTheRunHolds()
    {
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("special = 47; arg0 = 5;", "arg1 = 16; arg2 = 128;")));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        var press = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Switch });
        Assert.Contains("Ceiling_MoveToValue", press.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ACeilingMoveNotSimulatedLeavesTheExitUndecided()
    {
        // Ceiling_RaiseToNearest (252) needs the next ceiling up, which is not modelled: the same level is not finished,
        // and nothing is proven.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("special = 252; arg0 = 5;", "arg1 = 16;")));

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
        Assert.Equal("special not simulated", finding.Evidence["mechanic"]);
    }

    [Fact]
    public void AGenericDoorLockedToTheRedKeycardStaysShutWithoutIt()
    {
        // Generic_Door(5, 16, kind 1: open and stay, delay 0, lock 1: the red keycard); the level gives no key.
        var locked = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("special = 202; arg0 = 5;", "arg1 = 16; arg2 = 1; arg4 = 1;")));
        var unlocked = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Level("special = 202; arg0 = 5;", "arg1 = 16; arg2 = 1;")));

        Assert.True(unlocked.ExitReached, string.Join("; ", unlocked.Findings.Select(f => f.Title)));
        Assert.False(locked.ExitReached);
        Assert.Contains(locked.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached && f.Description.Contains("red keycard", StringComparison.Ordinal));
    }

    [Fact]
    public void ADoomStairBuilderInZDoomsNumbersBuildsTheStairUpToTheExitLedge()
    {
        // Stairs_BuildUpDoom(5, 16, 16): three steps at floor 0 rise to 16, 32 and 48 below the exit room's ledge at 64.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Stairs("arg1 = 16; arg2 = 16;")));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: Switch } && e.Detail!.Contains("Stairs_BuildUpDoom", StringComparison.Ordinal));
    }

    [Fact]
    public void StairsThatSinkBackAreNotPlayedAndTheExitIsLeftUndecided()
    {
        // The same stairs with a reset (arg 4: they sink back after 105 tics) are not simulated.
        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(Stairs("arg1 = 16; arg2 = 16; arg4 = 105;")));

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
        Assert.NotEqual(FindingSeverity.Critical, finding.Severity);
    }

    [Fact]
    public void HexensStairsFollowTheStairsSectorSpecialsNotTheFloorFlats()
    {
        // Stairs_BuildUp(5, 16, 16) (27): the steps are marked Stairs_Special1 (26), 2 (27) and 1 again, and the middle
        // one has another floor flat, which would stop Doom's stairs there; Hexen's follow the specials up to 48.
        var textmap = Stairs("arg1 = 16; arg2 = 16;").Replace("special = 217;", "special = 27;", StringComparison.Ordinal);
        textmap = HandMadeRuns.ReplaceFirst(textmap, "lightlevel = 192; id = 5; }", "lightlevel = 192; id = 5; special = 26; }");
        textmap = HandMadeRuns.ReplaceFirst(textmap, "texturefloor = \"FLOOR0_1\"; textureceiling = \"CEIL1_1\"; lightlevel = 192; id = 21; }",
            "texturefloor = \"FLAT5\"; textureceiling = \"CEIL1_1\"; lightlevel = 192; id = 21; special = 27; }");
        textmap = HandMadeRuns.ReplaceFirst(textmap, "lightlevel = 192; id = 22; }", "lightlevel = 192; id = 22; special = 26; }");

        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));

        ExplorationFixtures.AssertFinishedAndUpheld(result);
    }

    [Theory]
    [InlineData(136, true)]
    [InlineData(192, false)]
    public void FloorLowerToHighestStopsItsAdjustAboveTheHighestFloorAround(int adjust, bool passable)
    {
        // A pillar (tag 5, floor 128) between two rooms at floor 0: lowered to 0 + 8 a player steps over it, to 0 + 64 not.
        var textmap = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 160), new Room(64, 128, 160, Tag: 5), new Room(64, 0, 160), new Room(64, 0, 160)], [(0, 7), (0, 0), (243, 0)]));
        var level = HandMadeRuns.Read(textmap.Replace("special = 0; arg0 = 7;", $"special = 242; arg0 = 5; arg1 = 32; arg2 = {adjust}; playeruse = true;", StringComparison.Ordinal));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.Equal(passable, result.ExitReached);
        Assert.Empty(result.Validation!.Violations);
    }

    [Fact]
    public void AnUntaggedLineMovesTheSectorBehindItAndNoOtherInTheValidatorToo()
    {
        // Ceiling_LowerByValue(0, 64, 50) on the walk-over line into room B lowers B's ceiling (160 to 110), as GZDoom moves
        // the back sector of an untagged line; the exit room's ceiling (100) stays. The validator lowered every untagged
        // sector's (PSX Doom CE's MAP41 and MAP45 were refuted so): the exit room's fell to 50 and the run was refused.
        var textmap = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 160), new Room(64, 0, 160), new Room(64, 0, 160), new Room(64, 0, 100)], [(40, 0), (0, 0), (243, 0)]));
        var level = HandMadeRuns.Read(textmap.Replace("special = 40; arg0 = 0;", "special = 40; arg0 = 0; arg1 = 64; arg2 = 50; playercross = true;", StringComparison.Ordinal));

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title + ": " + f.Description)));
        Assert.Empty(result.Validation!.Violations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated } && e.Detail!.Contains("Ceiling_LowerByValue", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(21, 64, true)]
    [InlineData(21, 8, false)]
    [InlineData(36, 64, true)]
    public void AFloorSpecialLowersAtTheSpeedItsArgumentGives(int special, int speed, bool upheld)
    {
        // A walk-over line at x 128 (crossed at tic 6) lowers the pillar C (x 384..448, floor 64, tag 5) to the floor
        // around, 0: Floor_LowerToLowest (21) or Floor_LowerByValueTimes8 (36, by 8 times 8) at 64 eighths is down by tic 14,
        // at 8 (a unit a tic) 64 tics later. A run reaches the pillar's edge at tic 21: a climb of none, or of 49. Until
        // 2026-12-07 Floor_LowerToLowest, _LowerToNearest, _RaiseByValue, _RaiseToHighest and _RaiseToNearest ignored their
        // speed and moved a unit a tic in every reader.
        var textmap = HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 160), new Room(256, 0, 160), new Room(64, 64, 160, Tag: 5), new Room(64, 0, 160)], [(0, 5), (0, 0), (243, 0)]));
        var level = HandMadeRuns.Read(textmap.Replace("special = 0; arg0 = 5;", $"special = {special}; arg0 = 5; arg1 = {speed}; arg2 = 8; playercross = true;", StringComparison.Ordinal));

        var verdict = HandMadeRuns.Validate(level, [.. HandMadeRuns.Walk(32, 500)], [], (6, Switch));

        Assert.Equal(upheld, verdict.Upholds);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    [InlineData(25)]
    public void ZDoomsFloorMovesTakeTheirSpeedInEighths(int special) =>
        Assert.Equal(4, SectorMoves.FindHexen(special, new SpecialArgs(5, 32, 64, 0, 0))!.Speed);

    // The start room (x 0-128), three 32-unit steps (tagged 5, 21 and 22: only the first is the special's) at floor 0 and the exit room's ledge at 64,
    // over a walk-over Exit_Normal; the switch, on the line into the first step, builds the stairs once.
    private static string Stairs(string args) =>
        HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms(
            [new Room(128, 0, 160), new Room(32, 0, 160, Tag: 5), new Room(32, 0, 160, Tag: 21), new Room(32, 0, 160, Tag: 22), new Room(64, 64, 200)],
            [(0, 5), (0, 0), (0, 0), (243, 0)]))
            .Replace("special = 0; arg0 = 5;", $"special = 217; arg0 = 5; {args} playeruse = true;", StringComparison.Ordinal);

    // The start room (x 0-128), a closed sector (tag 5, floor and ceiling 0) behind line 1, a repeatable switch, and
    // past it, over a walk-over Exit_Normal, the exit room.
    private static string Level(string special, string args) =>
        HandMadeRuns.InZDoom(HandMadeRuns.RowOfRooms([new Room(128, 0, 160), new Room(64, 0, 0, Tag: 5), new Room(64, 0, 160)], [(0, 5), (243, 0)]))
            .Replace("special = 0; arg0 = 5;", $"{special} {args} playeruse = true; repeatspecial = true;", StringComparison.Ordinal);
}
