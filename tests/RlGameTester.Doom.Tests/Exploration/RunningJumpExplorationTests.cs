using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Tests.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Running jumps: freedoom1's E3M7 is finished only by running off the ledge of sector 83 (floor 0) over the nukage pit
/// of sector 84 (floor -512) onto the ledge of sector 85 (floor -256), 352 units further; from there the corridor of
/// sector 90 leads to line 450, which lowers the way to the exit.
/// </summary>
public sealed class RunningJumpExplorationTests
{
    private const int FarLedge = 85;
    private const int ExitWayLine = 450;

    [Fact]
    public void E3M7IsFinishedByJumpingThePitOntoTheFarLedge()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom1, "E3M7");

        var result = ExplorationFixtures.Explore(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.False(result.Died);
        var onLedge = result.Events.Where(e => e.Kind == ExplorerEventKind.Position && e.Sector == FarLedge).ToList();
        Assert.NotEmpty(onLedge);
        Assert.All(onLedge, e => Assert.Equal(-256.0, e.Z));
        Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == ExitWayLine);
    }

    [Fact]
    public void ALineCrossedInTheAirIsSetOffInTheTicTheCentreCrossesIt()
    {
        // A run-up (512 units), a pit (160 wide, floor -512) too wide to run over, the far floor (-192), a door (tag 5)
        // and the exit room. The walk-over line on the far edge of the pit (x 672) opens the door: the body's centre
        // crosses it in the air, tics before the body comes down on the floor far below, and the validator holds a crossing to its tic (the explorer
        // set off lines crossed in the air at the landing, and PSX Doom CE MAP39's run was refused for it).
        var textmap = HandMadeRuns.RowOfRooms(
            [new Room(512, 0, 160), new Room(160, -512, 160), new Room(256, -192, 160), new Room(32, -192, -192, Tag: 5), new Room(64, -192, 160)],
            [(0, 0), (2, 5), (0, 0), (52, 0)]);

        var result = ExplorationFixtures.ExploreEveryTic(HandMadeRuns.Read(textmap));

        // The flight starts at a whole tic, so its first airborne tic moves as far as the others (until 2026-12-07 it
        // began within a tic and blended the run-up's speed into it, which the validator's air-control rule refused).
        ExplorationFixtures.AssertFinishedAndUpheld(result);
        var press = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 2 });
        var there = result.Events.Last(e => e.Kind == ExplorerEventKind.Position && e.Tick <= press.Tick);
        Assert.InRange(there.X, 672 - 1, 672 + 17);
    }

    [Fact]
    public void ARunUpAStaircaseCarriesIntoAJumpOffItsTop()
    {
        // MAP17's island (sector 16, floor 96) has no step from the courtyard round it (-16 to 32): a player climbs the
        // stairs beside it (sectors 15 to 11, 112 to 176) and runs off the top step across the gap. Stepping up keeps
        // the body's momentum (P_TryMove lifts z, momx/momy stay), so the run-up is the whole staircase; the explorer
        // counted only level floor, got too slow a jump and never reached the switch that raises the exit's stairs.
        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP17"));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        var island = result.Events.First(e => e is { Kind: ExplorerEventKind.Position, Sector: 16 });
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.Position, Sector: 11 } && e.Tick < island.Tick && island.Tick - e.Tick < 35);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 860 });
    }

    [Fact]
    public void TwoJumpsInARowCrossAPillarTooShortForARunUp()
    {
        // freedoom2 MAP13's exit lies beyond a pit (sector 28, floor -32): a player runs off the ledge of sector 20
        // (160) onto the pillar in the pit (sector 16, 96 units square, floor 96) and straight on off its far side onto
        // the ledge of sectors 36/37 (64). From a standing start on the pillar no jump gets there; landing keeps the
        // speed (Doom keeps momx/momy), so the two flights are one move. The level's four barrels in the corridor to
        // that ledge are taken out here, so the run comes to the jumps without shooting them (BarrelExplorationTests).
        var shipped = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP13");
        var level = ExplorationFixtures.With(shipped, things: [.. shipped.Things.Where(t => t.Type != 2035)]);

        var result = ExplorationFixtures.Explore(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        // The body goes from the ledge to the far ledge in one move, over the pillar: no position in between stands on
        // the pit's floor.
        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var across = positions.FindIndex(e => e.Sector == 36 || e.Sector == 37);
        Assert.True(across > 0);
        var before = positions[..across].FindLastIndex(e => e.Sector == 20);
        Assert.True(before >= 0 && positions[across].Tick - positions[before].Tick <= 35, "the far ledge is reached straight from the ledge of sector 20");
        Assert.All(positions[(before + 1)..across], e => Assert.True(e.Y is > 400 and < 830 && e.Z > 0, $"tic {e.Tick} at ({e.X}, {e.Y}) z {e.Z}"));
    }

    [Fact]
    public void AFarLedgeTooHighToLandOnIsNotReachedAndTheExitIsNot()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E3M7");

        // A body falls about 275 units over the 352-unit jump, so it can step up onto -256 but not onto -128.
        ExplorationFixtures.SetSectorFloor(level, FarLedge, -128);

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.Position && e.Sector == FarLedge);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == ExitWayLine);
        // Not proven unreachable: before line 2740 shuts them, E3M7's lifts lead out of the pit towards line 450,
        // which the proof (every mover in every position, in any order) counts; the finding says where the explorer stopped.
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal((FindingSeverity.Major, "not proven"), (finding.Severity, finding.Evidence["proof"]));
        Assert.Equal(ExitWayLine.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Evidence["mover_line"]);
    }
}
