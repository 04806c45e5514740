namespace RlGameTester.Api.Maps;

/// <summary>A level across all its runs.</summary>
public sealed record MapStatsResponse
{
    /// <example>1</example>
    public long MapId { get; init; }

    /// <example>4</example>
    public int TotalRuns { get; init; }

    /// <summary>Run counts by status.</summary>
    public required IReadOnlyDictionary<string, int> RunsByStatus { get; init; }

    /// <summary>Mean hardness over runs with metrics.</summary>
    /// <example>42.5</example>
    public double? AvgHardness { get; init; }

    /// <summary>Share of runs with metrics that reached the exit (0-1), among runs that can tell.</summary>
    /// <example>0.75</example>
    public double? SolvabilityRate { get; init; }

    /// <summary>Bugs found in the level: by its runs and by static checks.</summary>
    /// <example>7</example>
    public int TotalBugs { get; init; }

    /// <summary>Bug counts by severity.</summary>
    public required IReadOnlyDictionary<string, int> BugsBySeverity { get; init; }

    /// <summary>Mean kills per episode over runs with metrics.</summary>
    /// <example>3.2</example>
    public double? AvgKills { get; init; }
}
