using RlGameTester.Domain.Metrics;

namespace RlGameTester.Data.Metrics;

/// <summary>Aggregated figures for one run, recomputed from its events.</summary>
public sealed class Metric
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public int Episodes { get; set; }

    public int TotalKills { get; set; }

    public int TotalDeaths { get; set; }

    public double? AvgKillsPerEpisode { get; set; }

    public int? MinKills { get; set; }

    public int? MaxKills { get; set; }

    public double? AvgHealth { get; set; }

    public int? MinHealth { get; set; }

    public int? TotalDamageTaken { get; set; }

    public double? AvgEpisodeDuration { get; set; }

    public double? TotalDuration { get; set; }

    public int StuckCount { get; set; }

    public double? FinalLoss { get; set; }

    public double? AvgLoss { get; set; }

    /// <summary>0-100, two decimals (<see cref="Hardness"/>).</summary>
    public double HardnessScore { get; set; }

    /// <summary>very_easy, easy, medium, hard, very_hard.</summary>
    public string HardnessBand { get; set; } = "very_easy";

    /// <summary>The four parts of the hardness score, as JSON: what drives it.</summary>
    public string? HardnessFactors { get; set; }

    /// <summary>Whether the level could be finished (the exit was reached), where the agent can tell.</summary>
    public bool? Solvability { get; set; }

    /// <summary>Share of the level's floor area reachable from the start (0-1), where the agent gives it.</summary>
    public double? CoverageReachable { get; set; }

    /// <summary>Share of the level's floor area the agent visited (0-1), where the agent gives it.</summary>
    public double? CoverageVisited { get; set; }

    /// <summary>Seconds from the episode start to the exit, where the exit was reached.</summary>
    public double? TimeToExit { get; set; }

    /// <summary>What a finish rests on that the agent assumed rather than played (a boss killed in view), as a JSON array; null when nothing.</summary>
    public string? ExitAssumptions { get; set; }

    public DateTime CalculatedAt { get; set; }
}
