namespace RlGameTester.Api.Maps;

/// <summary>A level as a list of levels shows it: the map, its findings by severity, its hardness and its latest run.</summary>
public sealed record MapOverviewResponse
{
    public required MapResponse Map { get; init; }

    /// <summary>Findings of the level (static checks and runs) by severity.</summary>
    public required IReadOnlyDictionary<string, int> BugsBySeverity { get; init; }

    /// <summary>The hardest analysed run's score (0-100) and band; null before any run is analysed.</summary>
    /// <example>42.5</example>
    public double? Hardness { get; init; }

    /// <example>medium</example>
    public string? HardnessBand { get; init; }

    /// <summary>The newest run of the level; null when it has none.</summary>
    public MapOverviewRun? LastRun { get; init; }
}

/// <summary>A run in a list of levels: enough to say how it went.</summary>
public sealed record MapOverviewRun(long Id, string Status, string Agent, bool? ExitReached, DateTime CreatedAt);
