using System.Text.Json;
using RlGameTester.Data.Bugs;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>A finding, with where it is and the evidence behind it.</summary>
public sealed record BugResponse
{
    /// <example>7</example>
    public long Id { get; init; }

    /// <summary>The run it was found in; null for findings of static level checks.</summary>
    /// <example>12</example>
    public long? RunId { get; init; }

    /// <example>1</example>
    public long MapId { get; init; }

    /// <example>stuck_state</example>
    public BugType BugType { get; init; }

    /// <example>major</example>
    public BugSeverity Severity { get; init; }

    /// <example>telemetry</example>
    public DetectionSource DetectionSource { get; init; }

    /// <summary>The stable name of the check or detector that found it.</summary>
    /// <example>stuck-state</example>
    public string? CheckName { get; init; }

    /// <example>Agent stuck for 4.2 s near (1056, -3616)</example>
    public required string Title { get; init; }

    /// <example>The player did not move for 148 position samples in episode 1.</example>
    public string? Description { get; init; }

    /// <example>2026-11-25T16:00:31Z</example>
    public DateTime? Timestamp { get; init; }

    /// <example>1085</example>
    public int? Frame { get; init; }

    /// <example>1</example>
    public int? Episode { get; init; }

    /// <summary>0-1.</summary>
    /// <example>0.95</example>
    public double? Confidence { get; init; }

    /// <summary>Map x coordinate of the finding.</summary>
    /// <example>1056</example>
    public double? PositionX { get; init; }

    /// <summary>Map y coordinate of the finding.</summary>
    /// <example>-3616</example>
    public double? PositionY { get; init; }

    /// <summary>line, side, sector, thing, vertex or level.</summary>
    /// <example>line</example>
    public string? ElementKind { get; init; }

    /// <example>214</example>
    public int? ElementIndex { get; init; }

    /// <summary>Blob name of the evidence image.</summary>
    /// <example>runs/12/thumbnails/1085.png</example>
    public string? ScreenshotPath { get; init; }

    public string? VideoClipPath { get; init; }

    /// <summary>Evidence and detector details.</summary>
    public JsonElement? Data { get; init; }

    /// <example>2026-11-25T16:02:07Z</example>
    public DateTime DetectedAt { get; init; }

    /// <summary>A designer's mark (PUT /api/bugs/{id}/triage), or null while it has none.</summary>
    public TriageResponse? Triage { get; init; }

    internal static BugResponse From(Bug b) => new()
    {
        Id = b.Id,
        RunId = b.RunId,
        MapId = b.MapId,
        BugType = b.BugType,
        Severity = b.Severity,
        DetectionSource = b.DetectionSource,
        CheckName = b.CheckName,
        Title = b.Title,
        Description = b.Description,
        Timestamp = b.Timestamp,
        Frame = b.Frame,
        Episode = b.Episode,
        Confidence = b.Confidence,
        PositionX = b.PositionX,
        PositionY = b.PositionY,
        ElementKind = b.ElementKind,
        ElementIndex = b.ElementIndex,
        ScreenshotPath = b.ScreenshotPath,
        VideoClipPath = b.VideoClipPath,
        Data = Infrastructure.ApiJson.Element(b.Data),
        DetectedAt = b.DetectedAt,
        Triage = TriageResponse.From(b.Triage),
    };
}
