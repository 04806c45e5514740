using System.Text.Json;

namespace RlGameTester.Analysis.Reports;

/// <summary>One finding (a stored bug) as evidence: what, where, how sure, and the detector's own figures.</summary>
internal sealed record EvidenceFinding
{
    /// <summary>The bug id: the only way a report refers to it ([#id]), and its marker's label on the image.</summary>
    public long Id { get; init; }

    /// <summary>The run it came from; null for static findings of the level.</summary>
    public long? RunId { get; init; }

    public required string Type { get; init; }

    public required string Severity { get; init; }

    public required string Source { get; init; }

    public string? Check { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public double? X { get; init; }

    public double? Y { get; init; }

    public string? Element { get; init; }

    public int? ElementIndex { get; init; }

    public int? Episode { get; init; }

    /// <summary>Game tick (35 a second) or frame where it happened.</summary>
    public int? Tick { get; init; }

    public DateTime? Timestamp { get; init; }

    public double? Confidence { get; init; }

    /// <summary>The finding's screenshot (<c>/api/bugs/{id}/screenshot</c>): a view of its element, or a frame's thumbnail; null when it has none.</summary>
    public string? ScreenshotUrl { get; init; }

    /// <summary>The detector's evidence as it stored it.</summary>
    public JsonElement? Evidence { get; init; }
}
