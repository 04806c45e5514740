using RlGameTester.Domain.Bugs;

namespace RlGameTester.Data.Bugs;

/// <summary>A finding: from a run (telemetry, frames, LLM), from the level itself (static checks), or filed by hand.</summary>
public sealed class Bug
{
    public long Id { get; set; }

    /// <summary>The run it was found in; null for static findings, which belong to the level.</summary>
    public long? RunId { get; set; }

    public long MapId { get; set; }

    public BugType BugType { get; set; }

    public BugSeverity Severity { get; set; } = BugSeverity.Minor;

    public DetectionSource DetectionSource { get; set; } = DetectionSource.Manual;

    /// <summary>The stable name of the check or detector that found it (<c>missing-player1-start</c>, <c>stuck-state</c>).</summary>
    public string? CheckName { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public DateTime? Timestamp { get; set; }

    public int? Frame { get; set; }

    public int? Episode { get; set; }

    public double? Confidence { get; set; }

    /// <summary>Where in the level, in map units, when known.</summary>
    public double? PositionX { get; set; }

    public double? PositionY { get; set; }

    /// <summary>The level element concerned: line, side, sector, thing, vertex or level.</summary>
    public string? ElementKind { get; set; }

    public int? ElementIndex { get; set; }

    /// <summary>Blob name of the evidence image (frame thumbnail).</summary>
    public string? ScreenshotPath { get; set; }

    public string? VideoClipPath { get; set; }

    /// <summary>Evidence and detector details as JSON.</summary>
    public string? Data { get; set; }

    public DateTime DetectedAt { get; set; }

    /// <summary>A designer's mark on it, or null while nobody has marked it.</summary>
    public FindingTriage? Triage { get; set; }
}
