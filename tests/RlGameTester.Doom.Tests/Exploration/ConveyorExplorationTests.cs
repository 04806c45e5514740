using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Exploration.Proof;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Tests.Support;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Exploration;

/// <summary>
/// Boom's carrying floors (linedef 252) on freedoom2's MAP01, whose start room is made a conveyor: the explorer walks
/// with and against it, the validator takes the push off each move before it judges the speed, and the proof search
/// no longer gives up on a conveyor slower than a run.
/// </summary>
public sealed class ConveyorExplorationTests
{
    private const int ConveyorTag = 900;

    [Fact]
    public void TheStartRoomsConveyorCarriesTheWalkerAndTheValidatorUpholdsTheFinish()
    {
        var level = WithConveyor(Map01(), minLength: 160, maxLength: 256);

        var result = ExplorationFixtures.ExploreEveryTic(level);

        Assert.True(result.ExitReached, string.Join("; ", result.Validation!.Refutations.Select(v => $"tic {v.Tick}: {v.Message}")));
        Assert.DoesNotContain(result.Validation!.Violations, v => v.Rule == TrajectoryRules.Speed);
        Assert.Contains(result.Validation.Assumptions, a => a.Contains("conveyors carry the body", StringComparison.Ordinal));
        // Carried, the walker ran faster than on a still floor somewhere in the start room.
        Assert.Contains(Moves(result.Events), m => m > PlayerBody.MaxRunSpeed + 0.5);
    }

    [Fact]
    public void APathCarriedByAConveyorIsTooFastWhereNoFloorCarries()
    {
        // A belt of 8 to 16 units a tic (a wall line of 256-512 units): the explorer looks around the start room before it
        // leaves (since 2026-12-05), and on the slower belt of the other tests it never went with the belt at a full run.
        var still = Map01();
        var conveyor = WithConveyor(still, minLength: 256, maxLength: 512);
        var carried = RunEvents(conveyor);

        var verdict = ValidationFixtures(still, carried);

        Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.Speed && TrajectoryRules.Refutes(v));
    }

    [Fact]
    public void RunningAcrossAConveyorAtAFullRunIsTooFast()
    {
        var still = Map01();
        var conveyor = WithConveyor(still, minLength: 160, maxLength: 256);
        var unaware = RunEvents(still);

        var verdict = ValidationFixtures(conveyor, unaware);

        Assert.Contains(verdict.Violations, v => v.Rule == TrajectoryRules.Speed && v.Message.Contains("a conveyor carried it", StringComparison.Ordinal));
        Assert.DoesNotContain(ValidationFixtures(still, unaware).Violations, v => v.Rule == TrajectoryRules.Speed);
    }

    [Fact]
    public void AConveyorSlowerThanARunIsNoProofLimitAndAFasterOneIs()
    {
        var slow = WithConveyor(Map01(), minLength: 160, maxLength: 256);
        var fast = WithConveyor(Map01(), minLength: 600, maxLength: 1200);

        Assert.DoesNotContain(Limits(slow), l => l.Mechanic == "conveyor or pusher");
        Assert.Contains(Limits(fast), l => l.Mechanic == "conveyor or pusher");
    }

    private static Level Map01() => ExplorationFixtures.Read(Fixtures.Freedoom2, "MAP01");

    private static List<ProofLimit> Limits(Level level) =>
        new LevelMechanics(level, new LevelGeometry(level), Skills.Medium).Limits;

    private static TrajectoryVerdict ValidationFixtures(Level level, IReadOnlyList<ExplorerEvent> events) =>
        TrajectoryValidator.Validate(level, new LevelGeometry(level), events, 3);

    // Every tic's position, as the validator reads the run.
    private static IReadOnlyList<ExplorerEvent> RunEvents(Level level) => ExplorationFixtures.ExploreEveryTic(level).Events;

    private static IEnumerable<double> Moves(IReadOnlyList<ExplorerEvent> events)
    {
        var positions = events.Where(e => e.Kind == ExplorerEventKind.Position).ToList();
        for (var i = 1; i < positions.Count; i++)
        {
            if (positions[i].Tick == positions[i - 1].Tick + 1)
            {
                yield return Math.Sqrt(Math.Pow(positions[i].X - positions[i - 1].X, 2) + Math.Pow(positions[i].Y - positions[i - 1].Y, 2));
            }
        }
    }

    // The start room carries bodies: its sector takes a tag, and the first plain one-sided line of a length in the range
    // becomes a 252 scroller with that tag (its vector / 32 is the carry, map units a tic).
    private static Level WithConveyor(Level level, int minLength, int maxLength)
    {
        var startSector = ExplorationFixtures.StartSector(level);
        var line = Enumerable.Range(0, level.Linedefs.Length).First(i =>
        {
            var def = level.Linedefs[i];
            var length = Math.Sqrt(Math.Pow(level.Vertices[def.End].X - level.Vertices[def.Start].X, 2) + Math.Pow(level.Vertices[def.End].Y - level.Vertices[def.Start].Y, 2));
            return def.Special == 0 && def.BackSide < 0 && length >= minLength && length <= maxLength;
        });
        return ExplorationFixtures.With(
            level,
            lines: level.Linedefs.SetItem(line, level.Linedefs[line] with { Special = 252, Tag = ConveyorTag }),
            sectors: level.Sectors.SetItem(startSector, level.Sectors[startSector] with { Tag = ConveyorTag }));
    }
}
