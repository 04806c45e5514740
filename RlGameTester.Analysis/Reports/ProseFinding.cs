namespace RlGameTester.Analysis.Reports;

/// <summary>What the writer says about one finding; null parts keep the detector's description and the templates' fix.</summary>
internal sealed record ProseFinding(string? Explanation, string? Fix);
