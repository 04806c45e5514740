using System.Diagnostics.CodeAnalysis;
using RlGameTester.Api.Metrics;

namespace RlGameTester.Api.Runs;

/// <summary>A run (the seed's fields, flat) with its metrics (null until calculated) and how many bugs it found.</summary>
public sealed record RunWithMetricsResponse : RunResponse
{
    [SetsRequiredMembers]
    internal RunWithMetricsResponse(RunResponse run, MetricResponse? metrics, int bugCount)
        : base(run)
    {
        Metrics = metrics;
        BugCount = bugCount;
    }

    public MetricResponse? Metrics { get; init; }

    /// <example>3</example>
    public int BugCount { get; init; }
}
