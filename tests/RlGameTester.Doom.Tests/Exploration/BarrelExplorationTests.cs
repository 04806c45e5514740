using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Explosive barrels in the way: freedoom2 MAP13's corridor at (-600, 1520) is filled by four barrels (things 89-92)
/// that a player shoots to get through. The explorer shoots one from out of the blast and waits for the chain to go;
/// the validator works out on its own which barrels go up and when, and refutes shots it cannot uphold.
/// </summary>
public sealed class BarrelExplorationTests
{
    private static readonly int[] CorridorBarrels = [89, 90, 91, 92];

    [Fact]
    public void Map13IsFinishedByShootingTheBarrelsOutOfTheCorridor()
    {
        var result = ExplorationFixtures.Explore(Map13());

        Assert.True(result.ExitReached, string.Join("; ", result.Findings.Select(f => f.Title)));
        Assert.Empty(result.Validation!.Refutations);
        var shot = Assert.Single(result.Events, e => e.Kind == ExplorerEventKind.BarrelShot);
        Assert.Contains(shot.Thing!.Value, CorridorBarrels);
        Assert.All(CorridorBarrels, b => Assert.Contains($"{b}", shot.Detail!, StringComparison.Ordinal));
        // Shot from out of the blast: the run loses no health to it.
        Assert.DoesNotContain(result.Events, e => e.Kind == ExplorerEventKind.HealthChange && e.Tick >= shot.Tick && e.Tick <= shot.Tick + 150 && e.NewHealth < e.OldHealth);
    }

    [Fact]
    public void WithoutTheShotThePathThroughTheBarrelsIsRefuted()
    {
        var level = Map13();
        var events = ExplorationFixtures.ExploreEveryTic(level).Events;

        var verdict = Validate(level, [.. events.Where(e => e.Kind != ExplorerEventKind.BarrelShot)]);

        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.SolidThing && CorridorBarrels.Contains(v.ElementIndex ?? -1));
    }

    [Fact]
    public void AShotAtAThingThatIsNoBarrelIsRefuted()
    {
        var level = Map13();
        var events = ExplorationFixtures.ExploreEveryTic(level).Events;

        // Thing 145, a health bonus beside the barrels, is no barrel.
        var verdict = Validate(level, Changed(events, e => e with { Thing = 145 }));

        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.BarrelNotThere && v.ElementIndex == 145);
    }

    [Fact]
    public void AShotFromInsideTheBlastIsRefuted()
    {
        var level = Map13();
        var events = ExplorationFixtures.ExploreEveryTic(level).Events;
        var barrel = level.Things[90];

        // The same shot claimed 40 units from barrel 90: its blast would deal the body about 100.
        var verdict = Validate(level, Changed(events, e => e with { X = barrel.X + 40, Y = barrel.Y }));

        Assert.Contains(verdict.Refutations, v => v.Rule == TrajectoryRules.BarrelBlast);
    }

    [Fact]
    public void AShotThroughAWallIsRefuted()
    {
        var level = Map13();
        var events = ExplorationFixtures.ExploreEveryTic(level).Events;

        // The player 1 start is far from the corridor, with walls between.
        var start = level.Things.Last(t => t.Type == 1);
        var verdict = Validate(level, Changed(events, e => e with { X = start.X, Y = start.Y }));

        Assert.Contains(verdict.Refutations, v => v.Rule is TrajectoryRules.ShotBlocked or TrajectoryRules.ShotOutOfRange);
    }

    private static Level Map13() => ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP13");

    private static TrajectoryVerdict Validate(Level level, IReadOnlyList<ExplorerEvent> events) =>
        TrajectoryValidator.Validate(level, new LevelGeometry(level), events, 3);

    private static List<ExplorerEvent> Changed(IReadOnlyList<ExplorerEvent> events, Func<ExplorerEvent, ExplorerEvent> change)
    {
        var shot = Assert.Single(events, e => e.Kind == ExplorerEventKind.BarrelShot);
        return [.. events.Select(e => ReferenceEquals(e, shot) ? change(e) : e)];
    }
}
