namespace RlGameTester.Api.Metrics;

/// <summary>Runs' metrics side by side, and how each figure differs from the first run's.</summary>
public sealed record CompareResponse
{
    /// <example>[1, 2]</example>
    public required IReadOnlyList<long> RunIds { get; init; }

    /// <summary>Each run's metrics in the order asked for; null for a run without metrics yet.</summary>
    public required IReadOnlyList<MetricResponse?> Metrics { get; init; }

    /// <summary>Per figure: each run's value and its difference from the first run's value.</summary>
    public required IReadOnlyDictionary<string, MetricDifference> Differences { get; init; }
}
