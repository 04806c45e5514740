namespace RlGameTester.Data.Reports;

/// <summary>
/// A stored report on a run or a level: written by the Analysis service when the evidence changes (or on
/// request), read by the Api as it is, never regenerated on a read. One current report per run and per map.
/// </summary>
public sealed class Report
{
    public long Id { get; set; }

    public ReportSubject Subject { get; set; }

    /// <summary>The run reported on; null for a map report.</summary>
    public long? RunId { get; set; }

    /// <summary>The level reported on (for a run report: the run's level, so the report goes when the level goes).</summary>
    public long MapId { get; set; }

    /// <summary>The report as Markdown, ready to show.</summary>
    public required string Markdown { get; set; }

    /// <summary>The same report as structured JSON (<see cref="ReportDocument"/>).</summary>
    public required string Content { get; set; }

    public ReportGenerator Generator { get; set; }

    /// <summary>The LLM model that wrote it; null for template reports.</summary>
    public string? Model { get; set; }

    /// <summary>Why the templates wrote it when an LLM did not ("no llm connection string configured", "LLM timed out after 60 s").</summary>
    public string? FallbackReason { get; set; }

    /// <summary>The finding (bug) ids the report cites; every one existed in the evidence it was written from.</summary>
    public List<long> CitedFindingIds { get; set; } = [];

    /// <summary>SHA-256 (hex) of the evidence it was written from: unchanged evidence needs no new report.</summary>
    public required string EvidenceFingerprint { get; set; }

    public DateTime CreatedAt { get; set; }
}
