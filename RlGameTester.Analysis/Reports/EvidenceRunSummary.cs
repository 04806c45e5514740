namespace RlGameTester.Analysis.Reports;

/// <summary>One run of a level, for the level's report.</summary>
internal sealed record EvidenceRunSummary
{
    public long Id { get; init; }

    public required string Agent { get; init; }

    public required string Status { get; init; }

    public int? Episodes { get; init; }

    public DateTime? CompletedAt { get; init; }

    /// <summary>Null until the run is analysed.</summary>
    public EvidenceMetrics? Metrics { get; init; }

    /// <summary>How many findings the run has, of every severity.</summary>
    public int Findings { get; init; }
}
