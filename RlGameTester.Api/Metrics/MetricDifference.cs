namespace RlGameTester.Api.Metrics;

/// <summary>One figure across compared runs.</summary>
public sealed record MetricDifference
{
    /// <summary>The value per run, in the order asked for (null where the run has no value).</summary>
    public required IReadOnlyList<double?> Values { get; init; }

    /// <summary>value minus the first run's value, per run (null where either is missing).</summary>
    public required IReadOnlyList<double?> DeltaFromFirst { get; init; }

    /// <example>12.5</example>
    public double? Min { get; init; }

    /// <example>48.0</example>
    public double? Max { get; init; }
}
