using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Specials;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>
/// Copies of real explorer runs (and of the levels they ran on) doctored to break one Doom rule: the validator must name
/// that rule at the tic it was broken, where the untouched run has nothing of the kind.
/// </summary>
public sealed class DoctoredRunValidationTests
{
    // MAP18's run is clean up to here: the drop off its start platform, the rooms around it and its first door (line 113
    // at tic 168); at tic 245 the walker turns while Doom would still have the body in the air after a step down (a
    // violation of timing alone, which refutes nothing). MAP01's opening served until 2026-12-05, when the explorer
    // began to look around before pressing switches: its walk down the entrance steps now turns in the air at tic 25.
    private const string OpeningLevel = "MAP18";
    private const int CleanOpeningEnd = 244;

    [Fact]
    public void APositionMovedThroughAWallIsAWallCrossingAtThatTic()
    {
        var run = ValidationFixtures.Run("freedoom2", OpeningLevel);
        var opening = ValidationFixtures.Until(run.Events, CleanOpeningEnd);
        const int tick = 5;
        var at = ValidationFixtures.Position(opening, tick);
        var (wall, beyondX, beyondY) = BeyondNearestWall(run, at.X, at.Y, 8);

        var verdict = ValidationFixtures.Validate(run.Level, ValidationFixtures.WithPosition(opening, tick, beyondX, beyondY));

        Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.WallCrossed && v.Tick == tick && v.ElementIndex == wall);
        Assert.Empty(ValidationFixtures.Validate(run.Level, opening).Violations);
    }

    [Fact]
    public void AFloorRaisedIntoA40UnitStepIsTooHighWhereTheBoxFirstReachesIt()
    {
        var run = ValidationFixtures.Run("freedoom2", OpeningLevel);
        var opening = ValidationFixtures.Until(run.Events, CleanOpeningEnd);
        var positions = opening.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var start = run.Geometry.SectorAt(positions[0].X, positions[0].Y);
        var entry = positions.First(p => run.Geometry.SectorAt(p.X, p.Y) != start);
        var next = run.Geometry.SectorAt(entry.X, entry.Y);
        var raisedTo = run.Level.Sectors[start].FloorHeight + 40;
        var level = ValidationFixtures.WithSector(run.Level, next, s => s with
        {
            FloorHeight = raisedTo,
            CeilingHeight = Math.Max(s.CeilingHeight, raisedTo + 128),
        });

        var verdict = ValidationFixtures.Validate(level, opening);

        var step = Assert.Single(verdict.Violations, v => v.Rule == TrajectoryRules.StepTooHigh);
        Assert.Equal((ElementKind.Sector, next), (step.ElementKind, step.ElementIndex));
        Assert.InRange(step.Tick, entry.Tick - 2, entry.Tick);
        Assert.Contains("is 40 units above the feet", step.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALockedDoorOpenedWithoutItsKeyPickupIsAMissingKeyAtTheDoor()
    {
        var run = ValidationFixtures.Run("freedoom2", "MAP02");
        var door = run.Events.First(e => e.Kind == ExplorerEventKind.LineActivated && e.Line is { } line
            && LinedefSpecials.FindDoom(run.Level.Linedefs[line].Special)?.Keys is not null);
        var needed = LinedefSpecials.FindDoom(run.Level.Linedefs[door.Line!.Value].Special)!.Keys!;
        var doctored = run.Events
            .Where(e => !(e.Kind == ExplorerEventKind.KeyPickup && e.Tick <= door.Tick
                && needed.IsSatisfiedBy(ThingTypes.Find(run.Level.Things[e.Thing!.Value].Type)!.Key)))
            .ToList();
        Assert.True(doctored.Count < run.Events.Count);

        var verdict = ValidationFixtures.Validate(run.Level, doctored);

        var missing = verdict.Violations.First(v => v.Rule == TrajectoryRules.KeyMissing);
        Assert.Equal((door.Tick, ElementKind.Line, door.Line), (missing.Tick, missing.ElementKind, missing.ElementIndex));
        Assert.DoesNotContain(run.Verdict.Violations, v => v.Rule == TrajectoryRules.KeyMissing);
    }

    [Fact]
    public void ADoorUsedFrom100UnitsAwayIsOutOfUseRange()
    {
        var run = ValidationFixtures.Run("freedoom2", OpeningLevel);
        var opening = ValidationFixtures.Until(run.Events, CleanOpeningEnd);
        var use = opening.First(e => e.Kind == ExplorerEventKind.LineActivated);
        var line = use.Line!.Value;
        var earlier = opening
            .Where(e => e.Kind == ExplorerEventKind.Position && e.Tick < use.Tick)
            .Last(e => ValidationFixtures.DistanceToLine(run.Geometry, line, e.X, e.Y) >= 95);
        var distance = ValidationFixtures.DistanceToLine(run.Geometry, line, earlier.X, earlier.Y);
        Assert.InRange(distance, 95, 112);
        var doctored = opening.Where(e => e != use).ToList();
        doctored.Insert(doctored.IndexOf(earlier) + 1, use with { Tick = earlier.Tick, X = earlier.X, Y = earlier.Y });

        var verdict = ValidationFixtures.Validate(run.Level, doctored);

        var far = Assert.Single(verdict.Violations);
        Assert.Equal((TrajectoryRules.UseOutOfRange, earlier.Tick, line), (far.Rule, far.Tick, far.ElementIndex));
        Assert.Contains($"from {distance:0.#} units away", far.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExitSwitchUsedThroughAClosedSectorIsBlockedAndTheExitIsNotLegal()
    {
        var run = ValidationFixtures.Run("freedoom2", "MAP01");
        var exit = run.Events.Single(e => e.Kind == ExplorerEventKind.ExitReached);
        var switchLine = run.Level.Linedefs[exit.Line!.Value];
        var between = run.Level.Sidedefs[switchLine.FrontSide].Sector;
        var at = ValidationFixtures.Position(run.Events, exit.Tick);
        Assert.NotEqual(between, run.Geometry.SectorAt(at.X, at.Y));
        Assert.DoesNotContain(run.Verdict.Violations, v => v.Tick == exit.Tick);
        var closed = ValidationFixtures.WithSector(run.Level, between, s => s with { CeilingHeight = s.FloorHeight });

        var verdict = ValidationFixtures.Validate(closed, run.Events);

        var blocked = Assert.Single(verdict.Violations, v => v.Rule == TrajectoryRules.UseBlocked && v.Tick == exit.Tick);
        var blocker = closed.Linedefs[blocked.ElementIndex!.Value];
        Assert.Contains(between, new[] { closed.Sidedefs[blocker.FrontSide].Sector, closed.Sidedefs[blocker.BackSide].Sector });
        Assert.Contains("opening is closed", blocked.Message, StringComparison.Ordinal);
        Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.ExitNotLegal && v.Tick == exit.Tick && v.ElementIndex == exit.Line);
    }

    [Fact]
    public void ATeleportWhoseLineWasNeverReachedIsNotCrossed()
    {
        var run = ValidationFixtures.Run("freedoom2", "MAP01");
        var teleport = run.Events.First(e => e.Kind == ExplorerEventKind.Teleport);
        var opening = ValidationFixtures.Until(run.Events, teleport.Tick + 5);
        var untouched = ValidationFixtures.Validate(run.Level, opening);

        // The body stops two tics short of the line, and is teleported from there.
        var stop = ValidationFixtures.Position(opening, teleport.Tick - 2);
        var doctored = opening
            .Select(e => e.Kind == ExplorerEventKind.Position && e.Tick > stop.Tick && e.Tick <= teleport.Tick ? e with { X = stop.X, Y = stop.Y }
                : e == teleport ? e with { X = stop.X, Y = stop.Y }
                : e)
            .ToList();

        var verdict = ValidationFixtures.Validate(run.Level, doctored);

        var violation = Assert.Single(ValidationFixtures.Added(untouched, verdict));
        Assert.Equal((TrajectoryRules.TeleportNotCrossed, teleport.Tick, teleport.Line), (violation.Rule, violation.Tick, violation.ElementIndex));
    }

    [Fact]
    public void ASidestepWhileFallingDownAStepIsAirControl()
    {
        var run = ValidationFixtures.Run("freedoom2", OpeningLevel);
        var opening = ValidationFixtures.Until(run.Events, CleanOpeningEnd);
        var positions = opening.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        var drop = positions.Skip(1).First(p => p.Z <= positions[positions.IndexOf(p) - 1].Z - 16);
        var tick = drop.Tick + 2;
        var at = ValidationFixtures.Position(opening, tick);

        var verdict = ValidationFixtures.Validate(run.Level, ValidationFixtures.WithPosition(opening, tick, at.X, at.Y + 3));

        var air = Assert.Single(verdict.Violations);
        Assert.Equal((TrajectoryRules.AirControl, tick), (air.Rule, air.Tick));
        Assert.Contains("changed by 3 units a tic", air.Message, StringComparison.Ordinal);
    }

    // The nearest one-sided wall whose middle part faces the point, and a spot that far beyond it.
    private static (int Wall, double X, double Y) BeyondNearestWall(ValidatedRun run, double x, double y, double beyond)
    {
        var best = (Line: -1, Distance: double.MaxValue, X: 0.0, Y: 0.0);
        for (var i = 0; i < run.Level.Linedefs.Length; i++)
        {
            if (run.Level.Linedefs[i].BackSide >= 0)
            {
                continue;
            }

            var (x1, y1, x2, y2) = run.Geometry.Segment(i);
            double dx = x2 - x1, dy = y2 - y1;
            var f = (((x - x1) * dx) + ((y - y1) * dy)) / ((dx * dx) + (dy * dy));
            if (f is < 0.2 or > 0.8)
            {
                continue;
            }

            double fx = x1 + (f * dx), fy = y1 + (f * dy);
            var distance = Math.Sqrt(((fx - x) * (fx - x)) + ((fy - y) * (fy - y)));
            if (distance < best.Distance)
            {
                best = (i, distance, fx + ((fx - x) / distance * beyond), fy + ((fy - y) / distance * beyond));
            }
        }

        return (best.Line, best.X, best.Y);
    }
}
