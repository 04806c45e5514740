namespace RlGameTester.Data.Reports;

/// <summary>One run of a level, as a map report lists it.</summary>
public sealed record ReportRun
{
    public long RunId { get; init; }

    public required string Agent { get; init; }

    public required string Status { get; init; }

    public int? Episodes { get; init; }

    public double? HardnessScore { get; init; }

    public string? HardnessBand { get; init; }

    /// <summary>The largest hardness factor, in words ("deaths: 35 of 35").</summary>
    public string? MainDriver { get; init; }

    public int Findings { get; init; }

    public bool? ExitReached { get; init; }

    public required string ReportUrl { get; init; }
}
