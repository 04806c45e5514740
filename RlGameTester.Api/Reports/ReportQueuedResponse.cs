using RlGameTester.Data.Reports;

namespace RlGameTester.Api.Reports;

/// <summary>A report rewrite that has been queued for the Analysis service.</summary>
public sealed record ReportQueuedResponse
{
    /// <example>run</example>
    public ReportSubject Subject { get; init; }

    /// <summary>The run's or the map's id.</summary>
    /// <example>12</example>
    public long Id { get; init; }

    /// <summary>The queue entry of the request.</summary>
    /// <example>1764504000000-0</example>
    public required string JobId { get; init; }

    /// <summary>Where the report is read; the new one replaces the old there.</summary>
    /// <example>/api/runs/12/report</example>
    public required string ReportUrl { get; init; }

    /// <summary>When the report being replaced was written; null when there was none. A later created_at at report_url means the rewrite is done.</summary>
    /// <example>2026-11-30T12:02:05Z</example>
    public DateTime? ReplacesReportOf { get; init; }

    /// <example>Run 12's report is queued for rewriting: the LLM writes it when one is configured, else the templates.</example>
    public required string Message { get; init; }
}
