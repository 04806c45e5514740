using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>What a trajectory that keeps to Doom's rules looks like to the validator, and the input it insists on.</summary>
public sealed class CleanTrajectoryValidationTests
{
    [Fact]
    public void Map18sOpeningOffItsPlatformAndThroughTheFirstDoorIsValidOnStatedAssumptions()
    {
        // MAP18's run drops off the start platform, looks around the rooms beside it and opens the door of line 113; at tic
        // 245 its walk first turns while Doom would have the body in the air (timing alone). MAP01's opening served until
        // the explorer began to look around before pressing switches (2026-12-05).
        var run = ValidationFixtures.Run("freedoom2", "MAP18");
        var opening = ValidationFixtures.Until(run.Events, 244);
        var doors = opening.Where(e => e.Kind == ExplorerEventKind.LineActivated).Select(e => e.Line!.Value).ToList();
        Assert.Equal([113], doors);

        var verdict = ValidationFixtures.Validate(run.Level, opening);

        Assert.True(verdict.Valid, string.Join("; ", verdict.Violations.Select(v => $"{v.Rule} at {v.Tick}: {v.Message}")));
        Assert.Contains(verdict.Assumptions, a => a.StartsWith("the body reaches running speed and stops at once", StringComparison.Ordinal));
        Assert.All(doors, door => Assert.Contains(verdict.Assumptions, a => a.Contains($"(line {door} (DR ", StringComparison.Ordinal) && a.EndsWith("assumed to stay open (it closes again after its wait)", StringComparison.Ordinal)));
    }

    [Fact]
    public void ARunWithAPositionOnlyEveryFourTicsHasPositionsMissing()
    {
        var level = ValidationFixtures.Run("freedoom2", "MAP01").Level;
        var geometry = new LevelGeometry(level);
        var sparse = Explorer.Explore(level, geometry, new ExplorerOptions { Skill = ValidationFixtures.Skill, PositionInterval = 4 }, TestContext.Current.CancellationToken);

        var verdict = TrajectoryValidator.Validate(level, geometry, sparse.Events, ValidationFixtures.Skill);

        var missing = verdict.Violations.First(v => v.Rule == TrajectoryRules.PositionMissing);
        Assert.Equal(4, missing.Tick);
        Assert.Equal("no position for tics 1 to 3", missing.Message);
    }

    [Fact]
    public void EventsOutOfTickOrderAreReported()
    {
        var run = ValidationFixtures.Run("freedoom2", "MAP01");
        var opening = ValidationFixtures.Until(run.Events, 20);
        var late = ValidationFixtures.Position(opening, 10);
        var shuffled = opening.Where(e => e != late).Append(late).ToList();

        var verdict = ValidationFixtures.Validate(run.Level, shuffled);

        Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.EventOrder && v.Tick == 10);
    }
}
