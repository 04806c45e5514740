using RlGameTester.Data.Reports;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// Everything a report may say, read from the database: the only input of both the templates and the LLM (sent
/// to it as JSON), and what the stored report's fingerprint is taken over.
/// </summary>
internal sealed record ReportEvidence
{
    public required ReportSubject Subject { get; init; }

    /// <summary>The run, for a run report.</summary>
    public EvidenceRun? Run { get; init; }

    public required EvidenceMap Map { get; init; }

    /// <summary>The run's metrics and hardness; null until calculated (and for map reports).</summary>
    public EvidenceMetrics? Metrics { get; init; }

    /// <summary>Findings to report, most severe first; each id is a bug id, and the only ids a report may cite.</summary>
    public required IReadOnlyList<EvidenceFinding> Findings { get; init; }

    /// <summary>Findings beyond the listed ones (least severe), only counted.</summary>
    public int OmittedFindings { get; init; }

    /// <summary>All findings by severity (listed and omitted).</summary>
    public required IReadOnlyDictionary<string, int> FindingsBySeverity { get; init; }

    /// <summary>For a map report: its runs, newest first.</summary>
    public IReadOnlyList<EvidenceRunSummary> Runs { get; init; } = [];

    /// <summary>The level image with bug markers labelled by bug id.</summary>
    public required string ImageUrl { get; init; }
}
