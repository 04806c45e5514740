using RlGameTester.Data.Reports;

namespace RlGameTester.Analysis.Reports;

/// <summary>Who wrote a report, with what, why not the LLM, and which findings it cites.</summary>
internal sealed record ReportProvenance(ReportGenerator Generator, string? Model, string? FallbackReason, IReadOnlyList<long> CitedFindingIds);
