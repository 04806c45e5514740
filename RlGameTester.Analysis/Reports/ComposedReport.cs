using RlGameTester.Data.Reports;

namespace RlGameTester.Analysis.Reports;

/// <summary>A finished report: its structured form and its Markdown, with who wrote it.</summary>
internal sealed record ComposedReport(ReportDocument Document, string Markdown, ReportProvenance Provenance);
