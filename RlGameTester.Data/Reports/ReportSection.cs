namespace RlGameTester.Data.Reports;

/// <summary>One written part of a report: a heading, Markdown text, and the finding ids it cites.</summary>
public sealed record ReportSection(string Heading, string Body, IReadOnlyList<long> FindingIds);
