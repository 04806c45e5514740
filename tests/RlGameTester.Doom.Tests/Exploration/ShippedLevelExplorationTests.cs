using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Validation;
using RlGameTester.Doom.Wad;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>The explorer on the freedoom levels as shipped: finishable levels are finished, and every level is explored.</summary>
public sealed class ShippedLevelExplorationTests
{
    // Measured: reachable coverage is 0.67-0.95 on these levels (MAP01's big sealed-off scenery is the lowest).
    private const double MinimumReachableCoverage = 0.6;

    public static TheoryData<string, string> FinishableLevels => new()
    {
        { "freedoom1", "E1M1" },
        { "freedoom1", "E1M2" },
        { "freedoom2", "MAP01" },
        { "freedoom2", "MAP02" },
        { "freedoom2", "MAP04" },
    };

    [Theory]
    [MemberData(nameof(FinishableLevels))]
    public void AFinishableLevelIsFinishedWithoutSoftlockOrBlockedExit(string wad, string name)
    {
        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(Wad(wad), name));

        Assert.True(result.ExitReached, $"{name}: exit not reached ({string.Join("; ", result.Findings.Select(f => f.Title))})");
        Assert.False(result.Died);
        Assert.NotNull(result.ExitTick);
        Assert.Equal(ExplorerEventKind.ExitReached, result.Events[^1].Kind);
        Assert.DoesNotContain(result.Findings, f => f.Kind is ExplorerFindingKind.Softlock or ExplorerFindingKind.ExitUnreachable);
        Assert.True(result.CoverageReachable > MinimumReachableCoverage, $"{name}: reachable coverage {result.CoverageReachable:P1}");
        Assert.InRange(result.VisitedArea, 1, result.ReachableArea);
        Assert.InRange(result.ReachableArea, 1, result.TotalArea);
    }

    [Fact]
    public void AnUnfinishedLevelsVerdictNamesWhereTheWayLeavesWhatTheExplorerReached()
    {
        // E4M4's generous way to the exit runs through corridors the explorer walked; the verdict names the yellow door
        // the way goes on through, not a corner of a corridor passed long before. The run is cut at tic 6000, where the
        // explorer stood before it learnt to call a lift again (it finishes E4M4 since). (E3M3, then E2M4, were this
        // test's levels until the explorer finished them.)
        var level = ExplorationFixtures.Read(Fixtures.Freedoom1, "E4M4");
        var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { TickLimit = 6000 }, TestContext.Current.CancellationToken);

        var verdict = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        var (x, y) = (double.Parse(verdict.Evidence["way_x"], CultureInfo.InvariantCulture), double.Parse(verdict.Evidence["way_y"], CultureInfo.InvariantCulture));
        var nearest = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).Min(e => Math.Max(Math.Abs(e.X - x), Math.Abs(e.Y - y)));
        Assert.True(nearest >= 2 * NavGrid.BodyRadius, $"the verdict names ({x}, {y}), {nearest} units from where the explorer went: {verdict.Description}");
        Assert.Equal(("mover never set off", "1261"), (verdict.Evidence["mechanic"], verdict.Evidence["blocking_line"]));
    }

    [Fact]
    public void AVerdictNamesTheBarrelsThatStoppedTheExplorerNotAJumpItNeverGotTo()
    {
        // MAP13: the explorer walks the pit before the exit (sector 28, -32); the generous way comes back over that pit
        // on a pillar 128 units above it, after a corridor the explorer has not passed for four barrels (things 89-92)
        // until it shoots them, late in the run (stopped here before that). A way's cell counts as reached only at
        // about the height the explorer stood there, so the verdict names a barrel, not the jump off the pillar.
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP13");
        var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { TickLimit = 2500 }, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.BarrelShot);
        var verdict = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal("exploding barrel", verdict.Evidence["mechanic"]);
        Assert.Contains(verdict.Evidence["way_element"], new[] { "thing 89", "thing 90", "thing 91", "thing 92" });
    }

    [Fact]
    public void AKeyOnAPillarNamesTheSwitchThatLowersIt()
    {
        // E2M4's blue keycard stands on a pillar 128 units above the floor around it (Doom touches an item only within
        // the body's height): only S1 line 1040, which lowers the pillar, makes it touchable. The explorer presses it at
        // tic 1102 now; a run stopped 100 tics before names it as the way on.
        var level = ExplorationFixtures.Read(Fixtures.Freedoom1, "E2M4");
        var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions { TickLimit = 1000 }, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 1040 });
        var key = Assert.Single(result.Findings, f => f is { Kind: ExplorerFindingKind.UnreachableKey, ElementIndex: 1 });
        Assert.Equal(("not proven", "mover never set off", "line 1040"), (key.Evidence["proof"], key.Evidence["mechanic"], key.Evidence["way_element"]));
    }

    [Fact]
    public void ADoorThatClosesForThirtySecondsIsPassedOnlyOnceItOpensAgain()
    {
        // MAP14's W1 line 867 (close, wait 30 s, open) shuts sector 159 on the way to the red key; walking through it at
        // once was a path the validator refuted. The explorer now waits it out and its finish holds. (Its yellow keycard
        // rides a floor down: since 2026-12-07 the body takes it once the floor is down, where the validator has it.)
        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP14"));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 867 });
        Assert.DoesNotContain(result.Validation.Violations, v => v is { Rule: TrajectoryRules.NoRoom, ElementIndex: 159 });
    }

    [Fact]
    public void AStaircaseWhoseEveryStepCarriesTheTagIsBuiltOnceFromItsFirstStep()
    {
        // MAP15's S1 line 4201 (stairs, 8 a step) tags every step of its staircase (sectors with tag 42). Vanilla builds
        // it from the first tagged sector and skips the others, already moving; planning each tagged sector's own stairs
        // left steps 80 units apart and the west of the level (the S1 switch that opens the yellow key) out of reach.
        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP15"));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 4201 });
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 4819 });
    }

    [Fact]
    public void AOneShotDoorLineLosesItsSpecialSoASwitchBehindItIsUsed()
    {
        // E3M4's blue skull key rises on a pillar lowered by S1 line 3085, a switch 12 units behind D1 red door line
        // 3089 and reached only through it: vanilla clears a D1 door's special (EV_VerticalDoor), so the second use
        // passes the door's line to the switch. The explorer kept manual doors' specials and the use stopped at the door.
        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(Fixtures.Freedoom1, "E3M4"));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        var door = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 3089 });
        var pillar = Assert.Single(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 3085 });
        Assert.True(door.Tick < pillar.Tick);
    }

    [Fact]
    public void AStripOfLowerFloorBetweenTwoLedgesIsRunAcross()
    {
        // E3M3's blue skull key room (sector 73, floor -104) is 32 units above the pit floor in front of it (sector 55,
        // -136) and 16 above the platform beside it (sector 74, -120), with 32 units of pit between them. Doom checks
        // only where a move ends: a body running off the platform keeps its height over the strip and steps up 16. The
        // explorer jumped only over drops deeper than a step.
        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(Fixtures.Freedoom1, "E3M3"));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.KeyPickup, Item: "blue skull key" });
    }

    [Fact]
    public void Map02IsFinishedThroughItsKeyDoors()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP02");

        var result = ExplorationFixtures.Explore(level);

        // MAP02's exit room is behind yellow doors, and the yellow key is past a red door.
        Assert.True(result.ExitReached);
        var keys = result.Events.Where(e => e.Kind == ExplorerEventKind.KeyPickup).ToList();
        Assert.Contains(keys, e => e.Item == "red keycard");
        Assert.Contains(keys, e => e.Item == "yellow keycard");
        var lockedDoors = result.Events
            .Where(e => e.Kind == ExplorerEventKind.LineActivated && e.Line is { } line && LinedefSpecials.FindDoom(level.Linedefs[line].Special)?.Keys is not null)
            .ToList();
        Assert.NotEmpty(lockedDoors);
        Assert.All(lockedDoors, door => Assert.Contains(keys, key => key.Tick <= door.Tick));
        var yellowKey = keys.Single(e => e.Item == "yellow keycard");
        Assert.Equal(6, level.Things[yellowKey.Thing!.Value].Type);
        Assert.True(yellowKey.Tick < result.ExitTick);
    }

    [Fact]
    public void ExploringTheSameLevelWithTheSameSeedGivesIdenticalEvents()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP02");

        var first = ExplorationFixtures.Explore(level, seed: 7);
        var second = ExplorationFixtures.Explore(level, seed: 7);

        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Findings.Select(f => (f.Kind, f.Title, f.X, f.Y)), second.Findings.Select(f => (f.Kind, f.Title, f.X, f.Y)));
        Assert.Equal((first.EndTick, first.ExitTick, first.FinalHealth, first.VisitedArea), (second.EndTick, second.ExitTick, second.FinalHealth, second.VisitedArea));
    }

    [Fact]
    public void ADifferentSeedStillFinishesTheLevel()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP01");

        var results = new[] { 1, 2, 3 }.Select(seed => ExplorationFixtures.Explore(level, seed)).ToList();

        Assert.All(results, r => Assert.True(r.ExitReached));
        Assert.True(results.Select(r => r.EndTick).Distinct().Count() > 1, "seeds should change the route");
    }

    [Fact]
    public void PositionsComeEveryIntervalInsideTheLevel()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom1, "E1M1");
        var geometry = new LevelGeometry(level);

        var result = Explorer.Explore(level, geometry, new ExplorerOptions { PositionInterval = 7 }, TestContext.Current.CancellationToken);

        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).Select(e => e.Tick).ToList();
        Assert.Equal(Enumerable.Range(0, (result.EndTick / 7) + 1).Select(i => i * 7), positions);
        CheckEvents(result, geometry, 7);
    }

    [Fact]
    public void ALevelWithoutAPlayer1StartSaysSoAndHasNoEvents()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        level.RemoveThing(Enumerable.Range(0, level.ThingCount).First(i => level.Thing(i).Type == 1));

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.Empty(result.Events);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((ExplorerFindingKind.ExitUnreachable, FindingSeverity.Critical, ElementKind.Level), (finding.Kind, finding.Severity, finding.ElementKind));
        Assert.Contains("no player 1 start", finding.Title, StringComparison.Ordinal);
        Assert.False(result.ExitReached);
    }

    [Fact]
    public void TheViZDoomScenarioLevelsAreExploredWithoutError()
    {
        foreach (var name in Fixtures.ScenarioWadNames)
        {
            foreach (var entry in LevelDirectory.Find(WadFile.Read(Fixtures.ScenarioBytes(name))))
            {
                var level = LevelReader.Read(entry);

                var result = Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions(), TestContext.Current.CancellationToken);

                // ZDoom's scenarios start players on deathmatch spots (without a player 1 start the explorer says so, as
                // information) or end by their ACS scripts, which the explorer does not run: never a critical.
                Assert.False(result.ExitReached);
                Assert.Contains(result.Findings, f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached);
                Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
            }
        }
    }

    [Fact]
    public void E4M4IsFinishedThroughTheYellowKeysBars()
    {
        // E4M4 became finished when the explorer learnt to call a lift again as a last resort: it rode sector 198's lift
        // out of the super-damaging nukage, came back down, and its SR switch (line 890) counted as used. Since the
        // explorer looks around before pressing switches (2026-12-05) its path needs neither that lift nor the recall
        // (MAP28's bridge and LiftTimingTests keep the recall tested); it still goes by the blue key and the yellow key
        // behind line 840's bars to the exit.
        var result = ExplorationFixtures.ExploreEveryTic(ExplorationFixtures.Read(Fixtures.Freedoom1, "E4M4"));

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.LineActivated, Line: 840 });
        Assert.Contains(result.Events, e => e is { Kind: ExplorerEventKind.KeyPickup, Item: "yellow keycard" });
    }

    [Fact]
    public void ABridgeATriggerSankIsRaisedAgainByItsSwitchAndTheLevelIsFinished()
    {
        // MAP28: after the red key, the explorer's way back onto sector 388's bridge crosses W1 line 687, which sinks the
        // bridge into the nukage behind it; SR line 3574 raised it once already and counted as used. As a last resort
        // the explorer presses that switch again (by the nukage's teleport pads), crosses the bridge and finishes.
        var result = ExplorationFixtures.ExploreEveryTic(ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP28"));

        AssertFinishedAfterRaisingTheSunkenBridge(result, raisedBy: 3574);
    }

    [Fact]
    public void AWalkOverLineThatRaisedTheBridgeIsCrossedAgainToRaiseItAgain()
    {
        // MAP28 with the bridge's switch made a walk-over line: WR 95 (raise to the next floor) on line 3578 beside
        // it instead of SR 68 on line 3574. The last resort must cross a line it has crossed before, and that crossing
        // sets it off again, as Doom's does.
        var shipped = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP28");
        var level = ExplorationFixtures.With(
            shipped,
            lines: shipped.Linedefs
                .SetItem(3578, shipped.Linedefs[3578] with { Special = 95, Tag = 59 })
                .SetItem(3574, shipped.Linedefs[3574] with { Special = 0, Tag = 0 }));

        AssertFinishedAfterRaisingTheSunkenBridge(ExplorationFixtures.ExploreEveryTic(level), raisedBy: 3578);
    }

    // MAP28's finish on a validated path, with the bridge raised by the given line after line 687 sank it.
    private static void AssertFinishedAfterRaisingTheSunkenBridge(ExplorationResult result, int raisedBy)
    {
        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        var sank = result.Events.First(e => e is { Kind: ExplorerEventKind.LineActivated, Line: 687 }).Tick;
        Assert.Contains(result.Events, e => e.Kind == ExplorerEventKind.LineActivated && e.Line == raisedBy && e.Tick > sank);
    }

    [Fact]
    public void ExplorationHonoursCancellation()
    {
        var level = ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP01");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Explorer.Explore(level, new LevelGeometry(level), new ExplorerOptions(), cancel.Token));
    }

    // Every level of both WADs: no exception, events in tick order, positions every 4 tics inside the level. The exit
    // counts are the measured ones (see the Doom README's Exploration section for why the others are not finished).
    // Levels are explored in parallel (each exploration is independent) to keep the test short.
    [Theory]
    [InlineData("freedoom1", 36)]
    [InlineData("freedoom2", 30)]
    public void EveryShippedLevelIsExplored(string wadName, int finishedAtLeast)
    {
        var wad = Wad(wadName);
        var entries = LevelDirectory.Find(wad);
        var results = new ExplorationResult[entries.Count];
        var geometries = new LevelGeometry[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { CancellationToken = TestContext.Current.CancellationToken }, i =>
        {
            var level = LevelReader.Read(entries[i]);
            geometries[i] = new LevelGeometry(level);
            results[i] = Explorer.Explore(level, geometries[i], new ExplorerOptions(), TestContext.Current.CancellationToken);
        });

        var finished = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, result) = (entries[i].Name, results[i]);
            CheckEvents(result, geometries[i], 4);
            Assert.True(result.VisitedArea <= result.ReachableArea && result.ReachableArea <= result.TotalArea, name);
            // People finish these levels: no finding may be critical, and a level not finished names what stopped the
            // explorer and what let the more generous search through.
            Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
            if (result.ExitReached)
            {
                finished.Add(name);
            }
            else if (!result.Died)
            {
                var notReached = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
                Assert.False(string.IsNullOrEmpty(notReached.Evidence["mechanic"]), name);
                Assert.Equal("not proven", notReached.Evidence["proof"]);
            }
        }

        var summary = $"{wadName}: exit reached on {finished.Count} of {entries.Count} levels: {string.Join(", ", finished)}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(finished.Count >= finishedAtLeast, summary);
    }

    private static void CheckEvents(ExplorationResult result, LevelGeometry geometry, int interval)
    {
        var name = geometry.Level.Name;
        for (var i = 1; i < result.Events.Count; i++)
        {
            Assert.True(result.Events[i - 1].Tick <= result.Events[i].Tick, $"{name}: event {i} goes back in time");
        }

        var positions = result.Events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        Assert.NotEmpty(positions);
        Assert.Equal(0, positions[0].Tick);
        Assert.All(positions, p => Assert.Equal(0, p.Tick % interval));
        Assert.Equal(positions.Count, positions.Select(p => p.Tick).Distinct().Count());
        Assert.True(positions[^1].Tick > result.EndTick - interval, $"{name}: positions stop before the end");
        Assert.All(positions, p => Assert.True(geometry.SectorAt(p.X, p.Y) >= 0, $"{name}: position ({p.X}, {p.Y}) at tick {p.Tick} is in the void"));
        Assert.True(result.EndTick >= positions[^1].Tick);
    }

    private static WadFile Wad(string name) => name == "freedoom1" ? Fixtures.Freedoom1 : Fixtures.Freedoom2;
}
