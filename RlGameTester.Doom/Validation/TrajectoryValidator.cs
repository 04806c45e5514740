using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Checks an explorer run against Doom's rules with a model of its own (nothing is shared with the explorer's search and
/// walk): the body's speed, its box against walls and solid things, floor and ceiling heights with steps and falls, line
/// activations (use range and trace, walk-over crossings, gun sight, keys), pickups, teleports and the exit. Needs a
/// Position event at every tic (<see cref="ExplorerOptions.PositionInterval"/> = 1). See the Doom library's README,
/// section Validation, for the rules and the assumptions.
/// </summary>
public static class TrajectoryValidator
{
    /// <summary>Validates the events of a run on the level at the skill it was played on.</summary>
    public static TrajectoryVerdict Validate(Level level, LevelGeometry geometry, IReadOnlyList<ExplorerEvent> events, int skill)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(events);
        return new ValidationRun(level, geometry, events, skill).Run();
    }
}
