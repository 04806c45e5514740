using System.Text.Json;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>A bug to file: for a run (run_id) or for a level as a whole (map_id).</summary>
public sealed record BugCreateRequest
{
    /// <summary>The run it was found in; give this or map_id.</summary>
    /// <example>12</example>
    public long? RunId { get; init; }

    /// <summary>The level, for a finding not tied to a run; taken from the run when run_id is given.</summary>
    /// <example>null</example>
    public long? MapId { get; init; }

    /// <summary>Required.</summary>
    /// <example>visual_glitch</example>
    public BugType? BugType { get; init; }

    /// <summary>Default minor.</summary>
    /// <example>major</example>
    public BugSeverity? Severity { get; init; }

    /// <summary>Default manual.</summary>
    /// <example>manual</example>
    public DetectionSource? DetectionSource { get; init; }

    /// <example>manual-review</example>
    public string? CheckName { get; init; }

    /// <summary>Required, 1-255 characters.</summary>
    /// <example>Flickering wall texture in the start room</example>
    public string? Title { get; init; }

    /// <example>The east wall flickers when the player turns.</example>
    public string? Description { get; init; }

    /// <example>2026-11-25T16:00:31Z</example>
    public DateTimeOffset? Timestamp { get; init; }

    /// <example>1085</example>
    public int? Frame { get; init; }

    /// <example>1</example>
    public int? Episode { get; init; }

    /// <summary>0-1.</summary>
    /// <example>0.8</example>
    public double? Confidence { get; init; }

    /// <example>1056</example>
    public double? PositionX { get; init; }

    /// <example>-3616</example>
    public double? PositionY { get; init; }

    /// <summary>line, side, sector, thing, vertex or level.</summary>
    /// <example>line</example>
    public string? ElementKind { get; init; }

    /// <example>214</example>
    public int? ElementIndex { get; init; }

    /// <summary>Evidence (a JSON object).</summary>
    public JsonElement? Data { get; init; }
}
