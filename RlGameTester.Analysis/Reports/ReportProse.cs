using RlGameTester.Data.Reports;

namespace RlGameTester.Analysis.Reports;

/// <summary>
/// The written parts of a report, from the templates or from the LLM; the facts around them (findings' places,
/// evidence, confidence, the hardness table, runs) always come from the evidence.
/// </summary>
/// <param name="Title">The report's title.</param>
/// <param name="Summary">A few sentences: what is wrong, how hard, what to fix first; cites [#id].</param>
/// <param name="Hardness">What drives the hardness, in words beyond the factor table; null for none.</param>
/// <param name="Sections">Further parts, in reading order.</param>
/// <param name="Findings">Per finding id: an explanation and a fix that replace the templates' ones.</param>
internal sealed record ReportProse(
    string Title,
    string Summary,
    string? Hardness,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyDictionary<long, ProseFinding> Findings);
