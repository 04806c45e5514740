using System.Text.Json;
using RlGameTester.Data.Metrics;

namespace RlGameTester.Api.Metrics;

/// <summary>A run's figures, computed from its events.</summary>
public sealed record MetricResponse
{
    /// <example>5</example>
    public long Id { get; init; }

    /// <example>12</example>
    public long RunId { get; init; }

    /// <example>20</example>
    public int Episodes { get; init; }

    /// <example>61</example>
    public int TotalKills { get; init; }

    /// <example>4</example>
    public int TotalDeaths { get; init; }

    /// <example>3.05</example>
    public double? AvgKillsPerEpisode { get; init; }

    /// <example>1</example>
    public int? MinKills { get; init; }

    /// <example>6</example>
    public int? MaxKills { get; init; }

    /// <summary>Mean of the new values of all health changes, each clamped at 0 (100 when there are none).</summary>
    /// <example>63.5</example>
    public double? AvgHealth { get; init; }

    /// <example>-12</example>
    public int? MinHealth { get; init; }

    /// <example>430</example>
    public int? TotalDamageTaken { get; init; }

    /// <summary>Seconds.</summary>
    /// <example>38.2</example>
    public double? AvgEpisodeDuration { get; init; }

    /// <summary>Seconds from the first to the last event.</summary>
    /// <example>764.0</example>
    public double? TotalDuration { get; init; }

    /// <summary>Stuck periods found in the run.</summary>
    /// <example>1</example>
    public int StuckCount { get; init; }

    /// <example>0.0123</example>
    public double? FinalLoss { get; init; }

    /// <example>0.0456</example>
    public double? AvgLoss { get; init; }

    /// <summary>0-100, two decimals.</summary>
    /// <example>37.63</example>
    public double HardnessScore { get; init; }

    /// <summary>very_easy, easy, medium, hard or very_hard.</summary>
    /// <example>easy</example>
    public required string HardnessBand { get; init; }

    /// <summary>What drives the score: the points from deaths, kills, health and stuck periods.</summary>
    public JsonElement? HardnessFactors { get; init; }

    /// <summary>Whether the exit was reached; null when the agent cannot tell.</summary>
    /// <example>true</example>
    public bool? Solvability { get; init; }

    /// <summary>Share of the floor area reachable from the start (0-1).</summary>
    /// <example>0.93</example>
    public double? CoverageReachable { get; init; }

    /// <summary>Share of the floor area the agent visited (0-1).</summary>
    /// <example>0.88</example>
    public double? CoverageVisited { get; init; }

    /// <summary>Seconds from the episode start to the exit.</summary>
    /// <example>41.3</example>
    public double? TimeToExit { get; init; }

    /// <summary>What the finish rests on that the agent assumed rather than played (a boss killed because it was in view); null when nothing.</summary>
    /// <example>["assumed boss death: the agent reached a spot in view of the Cyberdemon, whose death ends the level"]</example>
    public JsonElement? ExitAssumptions { get; init; }

    /// <example>2026-11-25T16:02:06Z</example>
    public DateTime CalculatedAt { get; init; }

    internal static MetricResponse From(Metric m) => new()
    {
        Id = m.Id,
        RunId = m.RunId,
        Episodes = m.Episodes,
        TotalKills = m.TotalKills,
        TotalDeaths = m.TotalDeaths,
        AvgKillsPerEpisode = m.AvgKillsPerEpisode,
        MinKills = m.MinKills,
        MaxKills = m.MaxKills,
        AvgHealth = m.AvgHealth,
        MinHealth = m.MinHealth,
        TotalDamageTaken = m.TotalDamageTaken,
        AvgEpisodeDuration = m.AvgEpisodeDuration,
        TotalDuration = m.TotalDuration,
        StuckCount = m.StuckCount,
        FinalLoss = m.FinalLoss,
        AvgLoss = m.AvgLoss,
        HardnessScore = m.HardnessScore,
        HardnessBand = m.HardnessBand,
        HardnessFactors = Infrastructure.ApiJson.Element(m.HardnessFactors),
        Solvability = m.Solvability,
        CoverageReachable = m.CoverageReachable,
        CoverageVisited = m.CoverageVisited,
        TimeToExit = m.TimeToExit,
        ExitAssumptions = Infrastructure.ApiJson.Element(m.ExitAssumptions),
        CalculatedAt = m.CalculatedAt,
    };
}
