namespace RlGameTester.Doom.Exploration;

/// <summary>
/// One thing that happened during exploration, at a game tic (35 a second), where the body was (map units) and in
/// which sector (-1 in the void).
/// </summary>
public sealed record ExplorerEvent(int Tick, ExplorerEventKind Kind, double X, double Y, int Sector)
{
    /// <summary>The floor height under the body.</summary>
    public double Z { get; init; }

    /// <summary>Facing, in degrees (0 = east, 90 = north): the direction of the last step.</summary>
    public int Angle { get; init; }

    /// <summary>Health before, for <see cref="ExplorerEventKind.HealthChange"/> and <see cref="ExplorerEventKind.Death"/>.</summary>
    public int? OldHealth { get; init; }

    /// <summary>Health after.</summary>
    public int? NewHealth { get; init; }

    /// <summary>Why health changed, e.g. "damaging floor (special 5, 10 hp / 32 tics)" or "medikit".</summary>
    public string? Cause { get; init; }

    /// <summary>The line, for <see cref="ExplorerEventKind.LineActivated"/>, <see cref="ExplorerEventKind.Teleport"/> and line exits.</summary>
    public int? Line { get; init; }

    /// <summary>The thing index, for pickups.</summary>
    public int? Thing { get; init; }

    /// <summary>What was picked up, e.g. "blue keycard", "shotgun".</summary>
    public string? Item { get; init; }

    /// <summary>Teleport destination x.</summary>
    public double? ToX { get; init; }

    /// <summary>Teleport destination y.</summary>
    public double? ToY { get; init; }

    /// <summary>A human-readable note, e.g. the special's name and trigger ("S1 Door open and stay").</summary>
    public string? Detail { get; init; }
}
