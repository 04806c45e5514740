namespace RlGameTester.Analysis.Reports;

/// <summary>A run's figures and its hardness with the four factors that make it up (points out of <see cref="RlGameTester.Domain.Metrics.Hardness"/>'s weights).</summary>
internal sealed record EvidenceMetrics
{
    public double HardnessScore { get; init; }

    /// <summary>
    /// False for an agent that plays without monsters (the explorer): the kills term then gives its full 25 points
    /// whatever the level holds, and says nothing about the level.
    /// </summary>
    public bool AgentFights { get; init; } = true;

    public required string HardnessBand { get; init; }

    public double DeathPoints { get; init; }

    public double KillPoints { get; init; }

    public double HealthPoints { get; init; }

    public double StuckPoints { get; init; }

    public int Episodes { get; init; }

    public int TotalKills { get; init; }

    public int TotalDeaths { get; init; }

    public double? AvgKillsPerEpisode { get; init; }

    public double? AvgHealth { get; init; }

    public int? MinHealth { get; init; }

    public int? TotalDamageTaken { get; init; }

    public int StuckPeriods { get; init; }

    public double? AvgEpisodeSeconds { get; init; }

    public double? TotalSeconds { get; init; }

    /// <summary>Whether the exit was reached; null where the agent cannot tell.</summary>
    public bool? ExitReached { get; init; }

    public double? CoverageReachable { get; init; }

    public double? CoverageVisited { get; init; }

    public double? SecondsToExit { get; init; }

    /// <summary>What the finish rests on that the agent assumed rather than played (a boss killed because it was in view).</summary>
    public IReadOnlyList<string> ExitAssumptions { get; init; } = [];
}
