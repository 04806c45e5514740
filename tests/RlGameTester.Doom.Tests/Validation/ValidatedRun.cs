using RlGameTester.Doom.Exploration;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Validation;

namespace RlGameTester.Doom.Tests.Validation;

/// <summary>A shipped level, the explorer's run of it, and the validator's verdict on the run.</summary>
internal sealed record ValidatedRun(Level Level, LevelGeometry Geometry, ExplorationResult Result, TrajectoryVerdict Verdict)
{
    public IReadOnlyList<ExplorerEvent> Events => Result.Events;
}
