using System.ComponentModel.DataAnnotations;

namespace RlGameTester.Analysis.Reports;

/// <summary>How reports are written (section <c>Analysis:Reports</c>). The LLM itself is the connection string <c>llm</c>.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Analysis:Reports";

    /// <summary>How long the LLM may take to answer before the templates write the report instead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan LlmTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most tokens the LLM may answer with.</summary>
    [Range(200, 32000)]
    public int LlmMaxTokens { get; set; } = 2500;

    /// <summary>
    /// Whether the LLM also writes level (map) reports when they are refreshed after a run or asked for. Reports
    /// written at upload, one per level of the file, always come from the templates.
    /// </summary>
    public bool LlmWritesMapReports { get; set; } = true;

    /// <summary>Findings a report lists one by one, most severe first; the rest are counted (and sent to no LLM).</summary>
    [Range(1, 1000)]
    public int MaxFindings { get; set; } = 40;

    /// <summary>Runs a level report lists, newest first.</summary>
    [Range(1, 1000)]
    public int MaxRuns { get; set; } = 20;
}
