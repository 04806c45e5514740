namespace RlGameTester.Doom.Exploration;

/// <summary>What exploring a level produced: the agent's event stream, the findings and the coverage figures.</summary>
public sealed record ExplorationResult
{
    /// <summary>Everything that happened, in tick order.</summary>
    public required IReadOnlyList<ExplorerEvent> Events { get; init; }

    public required IReadOnlyList<ExplorerFinding> Findings { get; init; }

    /// <summary>The exit was reached, and the trajectory validator upholds the way there.</summary>
    public bool ExitReached { get; init; }

    /// <summary>What the finish rests on that the explorer assumed rather than played (a boss killed in view, crushed bosses).</summary>
    public IReadOnlyList<string> ExitAssumptions { get; init; } = [];

    /// <summary>The trajectory validator's verdict on the run's path (null for a level the explorer could not start).</summary>
    public Validation.TrajectoryVerdict? Validation { get; init; }

    /// <summary>The exit reached was a secret exit.</summary>
    public bool SecretExit { get; init; }

    public int? ExitTick { get; init; }

    /// <summary>The last tic of the run.</summary>
    public int EndTick { get; init; }

    public bool Died { get; init; }

    /// <summary>
    /// Runs played: 2 when the first trapped itself and a second, with the next seed, reached the exit (this result is
    /// the second's; the first's trap is among the findings).
    /// </summary>
    public int Attempts { get; init; } = 1;

    public int FinalHealth { get; init; }

    /// <summary>Floor area of the level (every sector, reachable or not), map units squared, measured on the explorer's grid.</summary>
    public double TotalArea { get; init; }

    /// <summary>Floor area the body can cover (its 32x32 box around every reachable spot) at some point of the run.</summary>
    public double ReachableArea { get; init; }

    /// <summary>Reachable floor area within 64 units of where the agent walked.</summary>
    public double VisitedArea { get; init; }

    /// <summary>Reachable share of the whole floor area.</summary>
    public double CoverageReachable => TotalArea > 0 ? ReachableArea / TotalArea : 0;

    /// <summary>Visited share of the reachable floor area.</summary>
    public double CoverageVisited => ReachableArea > 0 ? VisitedArea / ReachableArea : 0;
}
