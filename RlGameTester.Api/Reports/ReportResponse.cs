using RlGameTester.Data.Reports;

namespace RlGameTester.Api.Reports;

/// <summary>A stored report in its JSON form: who wrote it and from what, the structured report, and its Markdown.</summary>
public sealed record ReportResponse
{
    /// <example>7</example>
    public long Id { get; init; }

    /// <summary>run: one run of a level; map: the level across its static checks and runs.</summary>
    /// <example>run</example>
    public ReportSubject Subject { get; init; }

    /// <summary>The run reported on; null for a map report.</summary>
    /// <example>12</example>
    public long? RunId { get; init; }

    /// <example>1</example>
    public long MapId { get; init; }

    /// <summary>llm when the configured LLM wrote it; template when the templates did (see fallback_reason).</summary>
    /// <example>template</example>
    public ReportGenerator Generator { get; init; }

    /// <summary>The LLM model that wrote it; null for template reports.</summary>
    /// <example>gpt-4o-mini</example>
    public string? Model { get; init; }

    /// <summary>Why the templates wrote it instead of an LLM.</summary>
    /// <example>no llm connection string configured</example>
    public string? FallbackReason { get; init; }

    /// <summary>The bug ids the report cites as [#id]; each labels a marker on the level image.</summary>
    /// <example>[41, 42]</example>
    public required IReadOnlyList<long> CitedFindingIds { get; init; }

    /// <summary>SHA-256 of the evidence it was written from; it is rewritten when that changes.</summary>
    /// <example>9f2c4e0b7d1a3f5e8c6b4a2d0e9f7c5b3a1d8e6f4c2b0a9e7d5c3b1a0f8e6d4c</example>
    public required string EvidenceFingerprint { get; init; }

    /// <example>2026-11-30T12:02:05Z</example>
    public DateTime CreatedAt { get; init; }

    /// <summary>The report as structured data: summary, hardness and its factors, sections, findings with place, evidence and fix.</summary>
    public required ReportDocument Document { get; init; }

    /// <summary>The same report as Markdown (what <c>Accept: text/markdown</c> returns).</summary>
    public required string Markdown { get; init; }
}
