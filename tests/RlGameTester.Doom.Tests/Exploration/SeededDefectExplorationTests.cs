using System.Globalization;
using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Tests.Support;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Defects written into copies of real levels must be found by exploring, at the element that carries them; the
/// untouched levels finish cleanly (see <see cref="ShippedLevelExplorationTests"/>).
/// </summary>
public sealed class SeededDefectExplorationTests
{
    [Fact]
    public void RaisingTheExitRoomBy64MakesTheExitUnreachableAtThatStep()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        var untouched = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));
        var exitRoom = untouched.Events.Single(e => e.Kind == ExplorerEventKind.ExitReached).Sector;
        ExplorationFixtures.SetSectorFloor(level, exitRoom, ExplorationFixtures.SectorFloor(level, exitRoom) + 64);
        var seeded = ExplorationFixtures.Read(level);

        var result = ExplorationFixtures.Explore(seeded);

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal((FindingSeverity.Critical, ElementKind.Line), (finding.Severity, finding.ElementKind));
        Assert.Equal(exitRoom.ToString(CultureInfo.InvariantCulture), finding.Evidence["blocking_sector"]);
        Assert.Equal("64", finding.Evidence["step"]);
        var line = seeded.Linedefs[finding.ElementIndex!.Value];
        Assert.Contains(exitRoom, new[] { seeded.Sidedefs[line.FrontSide].Sector, seeded.Sidedefs[line.BackSide].Sector });
        Assert.Contains($"line {finding.ElementIndex} is 64 units", finding.Title, StringComparison.Ordinal);
        Assert.True(finding.Evidence.ContainsKey("furthest_x") && finding.Evidence.ContainsKey("furthest_y"));
    }

    [Fact]
    public void APitWithNoWayOutIsASoftlockAtThatSector()
    {
        var (level, untouched, pit) = Map01WithPit();

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        // Proven, and major: a player who falls in is stuck, but the level is finished by not falling in.
        var softlock = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock);
        Assert.Equal((FindingSeverity.Major, ElementKind.Sector, pit, "proven"), (softlock.Severity, softlock.ElementKind, softlock.ElementIndex, softlock.Evidence["proof"]));
        Assert.True(softlock.Area > 64 * 64);
        Assert.Equal(new LevelGeometry(untouched).SectorAt(softlock.X, softlock.Y), pit);
        Assert.Equal("128", softlock.Evidence["lowest_climb_out"]);
    }

    [Fact]
    public void OnALevelWithWhatTheProofCannotBoundTheSamePitIsAPossibleSoftlock()
    {
        // The same pit, and one thing of a type no table knows: a mod's own actor may open any way, as a script may.
        var (level, _, pit) = Map01WithPit();
        var decoration = Enumerable.Range(0, level.ThingCount).First(i => level.Thing(i).Type == 2028);
        var (x, y, _, _, flags) = level.Thing(decoration);
        level.SetThing(decoration, x, y, 12345, flags);

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        var softlock = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock);
        Assert.Equal((FindingSeverity.Minor, pit, "not proven"), (softlock.Severity, softlock.ElementIndex, softlock.Evidence["proof"]));
        Assert.Contains("thing type 12345", softlock.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, 20)]
    [InlineData(5, 10)]
    public void ADamagingStartAreaHurtsEvery32TicsAndIsReported(int special, int damage)
    {
        // The start area: every sector within 640 units of the start, more than the agent can leave before the first
        // damage tic (it runs 16 units a tic; the start sector alone is always left sooner).
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var untouched = ExplorationFixtures.Read(level);
        var start = ExplorationFixtures.StartSector(untouched);
        var area = SectorsNear(untouched, untouched.Things.Last(t => t.Type == 1), 640);
        foreach (var sector in area)
        {
            ExplorationFixtures.SetSectorSpecial(level, sector, special);
        }

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        var cause = $"damaging floor (special {special}, {damage} hp / 32 tics)";
        var hurts = result.Events.Where(e => e.Kind == ExplorerEventKind.HealthChange && e.Cause == cause).ToList();
        Assert.NotEmpty(hurts);
        Assert.InRange(hurts[0].Tick, 32, 64);
        Assert.Equal((100, 100 - damage), (hurts[0].OldHealth, hurts[0].NewHealth));
        Assert.All(hurts, e =>
        {
            Assert.Equal(0, e.Tick % 32);
            Assert.Contains(e.Sector, area);

            // Armour picked up on the way takes its share.
            Assert.InRange(e.OldHealth!.Value - e.NewHealth!.Value, 1, damage);
        });

        // The start can be left before dying: a minor hazard finding with its evidence, not a death zone.
        var hazard = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.DeathZone);
        Assert.Equal((FindingSeverity.Minor, ElementKind.Sector, start), (hazard.Severity, hazard.ElementKind, hazard.ElementIndex));
        Assert.Equal("true", hazard.Evidence["escapable"]);
        Assert.Equal(damage.ToString(CultureInfo.InvariantCulture), hazard.Evidence["damage"]);
        Assert.True(result.ExitReached);
        Assert.False(result.Died);
    }

    [Fact]
    public void ADamagingPitIsADeathZone()
    {
        var (level, _, pit) = Map01WithPit();
        ExplorationFixtures.SetSectorSpecial(level, pit, 7);

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        var zone = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.DeathZone);
        Assert.Equal((FindingSeverity.Major, ElementKind.Sector, pit, "proven"), (zone.Severity, zone.ElementKind, zone.ElementIndex, zone.Evidence["proof"]));
        Assert.Equal("none", zone.Evidence["way_out"]);
        Assert.DoesNotContain(result.Findings, f => f.Kind == ExplorerFindingKind.Softlock);
    }

    [Fact]
    public void RemovingTheKeyOfALockedExitDoorNamesTheDoorAndTheKey()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP02");
        var yellowKey = Enumerable.Range(0, level.ThingCount).Single(i => level.Thing(i).Type == 6);
        level.RemoveThing(yellowKey);
        var seeded = ExplorationFixtures.Read(level);

        var result = ExplorationFixtures.Explore(seeded);

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.KeyPickup && e.Item == "yellow keycard");
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal((FindingSeverity.Critical, ElementKind.Line), (finding.Severity, finding.ElementKind));
        Assert.Equal("yellow key", finding.Evidence["key_needed"]);
        Assert.Equal("false", finding.Evidence["key_present"]);
        var door = LinedefSpecials.FindDoom(seeded.Linedefs[finding.ElementIndex!.Value].Special);
        Assert.Equal("yellow key", door?.Keys?.Description);
        Assert.Contains($"locked door at line {finding.ElementIndex} needs the yellow key", finding.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void AColumnInTheOnlyDoorwayIsNamedAsTheBlocker()
    {
        var level = new EditableLevel(Fixtures.Freedoom1Data, "E1M1");
        var untouched = ExplorationFixtures.Read(level);
        var geometry = new LevelGeometry(untouched);

        // The blue door on the way to the exit room: the door sector behind the last locked line used.
        var result0 = ExplorationFixtures.Explore(untouched);
        var doorLine = result0.Events.Last(e => e.Kind == ExplorerEventKind.LineActivated && e.Line is { } l &&
            LinedefSpecials.FindDoom(untouched.Linedefs[l].Special)?.Keys is not null).Line!.Value;
        var doorSector = untouched.Sidedefs[untouched.Linedefs[doorLine].BackSide].Sector;
        var (x, y) = RlGameTester.Doom.Metadata.ExitFinder.PointInside(geometry, doorSector);
        var column = ExplorationFixtures.AddThing(level, (int)x, (int)y, 48);

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal((ElementKind.Thing, column), (finding.ElementKind, finding.ElementIndex));
        Assert.Equal(column.ToString(CultureInfo.InvariantCulture), finding.Evidence["blocking_thing"]);
        Assert.Contains("Tall techno column", finding.Title, StringComparison.Ordinal);
        Assert.Equal((x, y), (finding.X, finding.Y));
    }

    [Fact]
    public void AnExitSwitchBehindAClosedSectorIsNotReachedAndProvenUnreachable()
    {
        // No use trace reaches the switch (PTR_UseTraverse stops at a closed opening).
        var (level, _, exitLine) = Map01WithClosedExitAlcove();

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.ExitReached || (e.Kind == ExplorerEventKind.LineActivated && e.Line == exitLine));
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal((FindingSeverity.Critical, "proven"), (finding.Severity, finding.Evidence["proof"]));
    }

    [Fact]
    public void AnImpassableWalkOverExitIsProvenUnreachableAtThatLine()
    {
        // MAP04 ends only by W1 exit lines: flagged impassable, the box stops against them and they never fire.
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP04");
        var exits = Enumerable.Range(0, level.LineCount).Where(i => level.LineField(i, 3) == 52).ToList();
        Assert.NotEmpty(exits);
        foreach (var line in exits)
        {
            level.SetLineField(line, 2, (ushort)(level.LineField(line, 2) | (ushort)LinedefFlags.Impassable));
        }

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.False(result.ExitReached);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitUnreachable);
        Assert.Equal((FindingSeverity.Critical, ElementKind.Line, "proven"), (finding.Severity, finding.ElementKind, finding.Evidence["proof"]));
        Assert.Contains(finding.ElementIndex!.Value, exits);
        Assert.Equal($"Exit unreachable: exit line {finding.ElementIndex} is impassable", finding.Title);
    }

    [Fact]
    public void ASwitchBehindAOneShotSwitchLineIsUsedOnceThatLineIsSpent()
    {
        // MAP01's exit switch (line 774) stands in a ring (sector 152) the player can walk into. Raise the ring 56 units
        // so the switch is pressed from outside it, across the ring's edge lines, and make those lines S1 switches (open
        // the door tagged 4): a use stops at the first special line, so the exit switch is out of reach until one is
        // pressed, after which Doom has cleared its special and the use goes through.
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var exitLine = ExplorationFixtures.Explore(ExplorationFixtures.Read(level)).Events.Single(e => e.Kind == ExplorerEventKind.ExitReached).Line;
        ExplorationFixtures.SetSectorFloor(level, 152, -40);
        foreach (var line in (int[])[701, 751, 864, 884])
        {
            level.SetLineField(line, 3, 103);
            level.SetLineField(line, 4, 4);
        }

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.True(result.ExitReached, string.Join("\n", result.Findings.Select(f => f.Title)));
        Assert.True(result.Validation!.Upholds);
        var pressed = result.Events.Where(e => e.Kind == ExplorerEventKind.LineActivated).Select(e => e.Line).ToList();
        var exit = result.Events.Single(e => e.Kind == ExplorerEventKind.ExitReached);
        Assert.Equal(exitLine, exit.Line);
        Assert.True(pressed.Intersect([701, 751, 864, 884]).Any(), "the exit was pressed without setting off a line in front of it");
    }

    [Fact]
    public void AClosedExitAlcoveWaitingOnABossTagIsNotProvenUnreachable()
    {
        // The closed alcove tagged 666: vanilla moves it only in boss levels, but a port's MAPINFO may give MAP01 a boss
        // action, so the proof cannot rule it out.
        var (level, alcove, _) = Map01WithClosedExitAlcove();
        ExplorationFixtures.SetSectorTag(level, alcove, 666);

        var result = ExplorationFixtures.Explore(ExplorationFixtures.Read(level));

        Assert.False(result.ExitReached);
        Assert.DoesNotContain(result.Findings, f => f.Severity == FindingSeverity.Critical);
        var finding = Assert.Single(result.Findings, f => f.Kind == ExplorerFindingKind.ExitNotReached);
        Assert.Equal(("not proven", "boss death"), (finding.Evidence["proof"], finding.Evidence["mechanic"]));
    }

    [Fact]
    public void AStartOverlappingASolidThingIsNotACriticalButAStartInTheVoidIs()
    {
        // A column 4 units beside MAP01's start: Doom's sizes leave the box no room, but a mod may size it otherwise.
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var start = ExplorationFixtures.Read(level).Things.Last(t => t.Type == 1);
        ExplorationFixtures.AddThing(level, (int)start.X + 4, (int)start.Y, 48);

        var crowded = Assert.Single(ExplorationFixtures.Explore(ExplorationFixtures.Read(level)).Findings);

        Assert.Equal((ExplorerFindingKind.ExitUnreachable, FindingSeverity.Major), (crowded.Kind, crowded.Severity));
        Assert.Contains("overlaps tall techno column", crowded.Title, StringComparison.Ordinal);

        // The start moved far outside every sector: no box of any size stands there.
        var voided = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var index = ExplorationFixtures.Read(voided).Things.ToList().FindLastIndex(t => t.Type == 1);
        voided.SetThing(index, 30000, 30000, 1, 7);

        var lost = Assert.Single(ExplorationFixtures.Explore(ExplorationFixtures.Read(voided)).Findings);

        Assert.Equal((ExplorerFindingKind.ExitUnreachable, FindingSeverity.Critical), (lost.Kind, lost.Severity));
    }

    [Fact]
    public void RandomlyMutatedLevelsAreExploredWithoutError()
    {
        // Heights, sector specials and line specials scrambled (with a fixed seed) in copies of a small level: whatever
        // the level, the explorer must finish with ordered events and no exception.
        int[] lineSpecials = [0, 1, 2, 7, 9, 10, 11, 26, 31, 36, 39, 46, 51, 52, 53, 57, 62, 88, 97, 100, 124, 140, 197, 243, 0x3C01, 0x3801, 0x3403, 0x3003, 0x6041, 0x4001, 0x2F81];
        int[] sectorSpecials = [0, 4, 5, 7, 9, 11, 16, 0x60, 0x80];
        var random = new Random(20261130);
        for (var variant = 0; variant < 16; variant++)
        {
            var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP07");
            for (var s = 0; s < ExplorationFixtures.SectorCount(level); s++)
            {
                if (random.Next(4) == 0)
                {
                    ExplorationFixtures.SetSectorFloor(level, s, ExplorationFixtures.SectorFloor(level, s) + random.Next(-128, 129));
                    ExplorationFixtures.SetSectorCeiling(level, s, ExplorationFixtures.SectorCeiling(level, s) + random.Next(-128, 129));
                    ExplorationFixtures.SetSectorSpecial(level, s, sectorSpecials[random.Next(sectorSpecials.Length)]);
                }
            }

            for (var line = 0; line < level.LineCount; line++)
            {
                if (random.Next(6) == 0)
                {
                    level.SetLineField(line, 3, (ushort)lineSpecials[random.Next(lineSpecials.Length)]);
                    level.SetLineField(line, 4, (ushort)random.Next(0, 8));
                }
            }

            var read = ExplorationFixtures.Read(level);
            var result = Explorer.Explore(read, new LevelGeometry(read), new ExplorerOptions { Seed = variant, TickLimit = 35 * 120 }, TestContext.Current.CancellationToken);

            Assert.True(result.Events.Zip(result.Events.Skip(1)).All(pair => pair.First.Tick <= pair.Second.Tick), $"variant {variant}");
            Assert.True(result.ExitReached || result.Died || result.Findings.Any(f => f.Kind is ExplorerFindingKind.ExitUnreachable or ExplorerFindingKind.ExitNotReached), $"variant {variant}");
            Assert.InRange(result.VisitedArea, 0, result.ReachableArea);
        }
    }

    // A sector the agent walked through, not the start, with no special or tag, not moved by any line, as low as every
    // neighbour, with room for the body well inside it: lowering it by 128 makes a pit nobody climbs out of.
    // MAP01's exit switch is used from the room in front of its alcove: the alcove closed (floor = ceiling, nothing opens it).
    private static (EditableLevel Level, int Alcove, int? ExitLine) Map01WithClosedExitAlcove()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var untouched = ExplorationFixtures.Read(level);
        var exit = ExplorationFixtures.Explore(untouched).Events.Single(e => e.Kind == ExplorerEventKind.ExitReached);
        var alcove = untouched.Sidedefs[untouched.Linedefs[exit.Line!.Value].FrontSide].Sector;
        ExplorationFixtures.SetSectorCeiling(level, alcove, ExplorationFixtures.SectorFloor(level, alcove));
        return (level, alcove, exit.Line);
    }

    // MAP01 with one sector the explorer walks through sunk 128 units: a pit with no way out.
    private static (EditableLevel Level, Level Untouched, int Pit) Map01WithPit()
    {
        var level = new EditableLevel(Fixtures.Freedoom2Data, "MAP01");
        var untouched = ExplorationFixtures.Read(level);
        var pit = PitCandidate(untouched, ExplorationFixtures.Explore(untouched));
        ExplorationFixtures.SetSectorFloor(level, pit, ExplorationFixtures.SectorFloor(level, pit) - 128);
        return (level, untouched, pit);
    }

    private static int PitCandidate(Level level, ExplorationResult run)
    {
        var geometry = new LevelGeometry(level);
        var start = ExplorationFixtures.StartSector(level);
        var moved = new HashSet<int>();
        foreach (var line in level.Linedefs)
        {
            if (line.Special != 0 && line.BackSide >= 0)
            {
                moved.Add(level.Sidedefs[line.BackSide].Sector);
            }
        }

        foreach (var sector in run.Events.Where(e => e.Kind == ExplorerEventKind.Position).Select(e => e.Sector).Distinct())
        {
            var s = level.Sectors[sector];
            if (sector == start || s.Special != 0 || s.Tag != 0 || moved.Contains(sector) || s.CeilingHeight - s.FloorHeight > 256)
            {
                continue;
            }

            var neighbours = geometry.EdgesOfSector(sector).ToArray()
                .Select(e => e.IsFront ? level.Linedefs[e.Line].BackSide : level.Linedefs[e.Line].FrontSide)
                .Where(side => side >= 0)
                .Select(side => level.Sidedefs[side].Sector)
                .Where(other => other != sector)
                .ToList();
            if (neighbours.Count == 0 || neighbours.Any(n => level.Sectors[n].FloorHeight < s.FloorHeight))
            {
                continue;
            }

            if (InteriorCells(level, geometry, sector) >= 64)
            {
                return sector;
            }
        }

        throw new InvalidOperationException("no sector fits a seeded pit");
    }

    private static HashSet<int> SectorsNear(Level level, Thing thing, double range)
    {
        var grid = new NavGrid(level, new LevelGeometry(level), _ => false);
        var sectors = new HashSet<int>();
        for (var cell = 0; cell < grid.Count; cell++)
        {
            if (grid.CenterSector[cell] >= 0 && Math.Abs(grid.X(cell) - thing.X) <= range && Math.Abs(grid.Y(cell) - thing.Y) <= range)
            {
                sectors.Add(grid.CenterSector[cell]);
            }
        }

        return sectors;
    }

    private static int InteriorCells(Level level, LevelGeometry geometry, int sector)
    {
        var grid = new NavGrid(level, geometry, _ => false);
        var count = 0;
        foreach (var cell in grid.CellsOfSector(sector))
        {
            if (grid.Blocked[cell] == NavGrid.Free && grid.SectorsTouched(cell).Length == 1)
            {
                count++;
            }
        }

        return count;
    }
}
