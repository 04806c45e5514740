namespace RlGameTester.Doom.Exploration;

/// <summary>How the <see cref="Explorer"/> plays a level.</summary>
public sealed record ExplorerOptions
{
    /// <summary>Skill 1..5: which things are on the map, and damage is halved on skill 1.</summary>
    public int Skill { get; init; } = 3;

    /// <summary>Breaks ties between equally short paths and equally near targets; the same seed gives the same run.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Game tics of exploring (35 a second). When the limit is reached the agent stops exploring and still walks to
    /// the exit if it can; the run then ends, so <see cref="ExplorationResult.EndTick"/> may pass the limit by that walk.
    /// </summary>
    public int TickLimit { get; init; } = 35 * 60 * 30;

    /// <summary>A <see cref="ExplorerEventKind.Position"/> event every this many tics (at tics 0, N, 2N, ...).</summary>
    public int PositionInterval { get; init; } = 4;
}
