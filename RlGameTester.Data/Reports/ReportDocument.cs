namespace RlGameTester.Data.Reports;

/// <summary>
/// A report as structured data (the <c>content</c> column, and the Api's JSON form): what a person reads in
/// the Markdown, with every finding's id, place, evidence and suggested fix as fields.
/// </summary>
public sealed record ReportDocument
{
    public required ReportSubject Subject { get; init; }

    public long? RunId { get; init; }

    public required long MapId { get; init; }

    public required string Title { get; init; }

    /// <summary>What is wrong and how hard the level plays, in a few sentences; cites findings as [#id].</summary>
    public required string Summary { get; init; }

    /// <summary>The level image with bug markers labelled by bug id (drawn by the Analysis service, served by the Api).</summary>
    public required string ImageUrl { get; init; }

    /// <summary>The run's hardness and what drives it (for a map: its hardest analysed run); null before metrics exist.</summary>
    public ReportHardness? Hardness { get; init; }

    /// <summary>The written parts, in reading order.</summary>
    public required IReadOnlyList<ReportSection> Sections { get; init; }

    /// <summary>The findings reported, most severe first, each with place, evidence and a suggested fix.</summary>
    public required IReadOnlyList<ReportFinding> Findings { get; init; }

    /// <summary>Findings left out of <see cref="Findings"/> (minor and informational ones beyond the limit), counted.</summary>
    public int OmittedFindings { get; init; }

    /// <summary>For a map report: the runs of the level, newest first.</summary>
    public IReadOnlyList<ReportRun> Runs { get; init; } = [];
}
