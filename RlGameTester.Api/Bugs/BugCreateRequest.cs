using System.Text.Json;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>A bug to file: for a run (run_id) or for a level as a whole (map_id).</summary>
public sealed record BugCreateRequest : IValidatedRequest
{
    private static readonly string[] ElementKinds = ["line", "side", "sector", "thing", "vertex", "level"];

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

    void IValidatedRequest.Validate(RequestErrors errors)
    {
        errors.Id("run_id", RunId);
        errors.Id("map_id", MapId);
        if (RunId is null && MapId is null)
        {
            errors.Add("run_id", "give run_id (a bug found in a run) or map_id (a bug of the level).");
        }

        if (BugType is null)
        {
            errors.Add("bug_type", $"is required; allowed values: {SnakeCase.AllowedValues<BugType>()}.");
        }

        errors.Text("title", Title, 255, required: true);
        errors.Text("check_name", CheckName, 64, required: false);
        errors.Range("confidence", Confidence, 0, 1);
        errors.NotNegative("frame", Frame);
        errors.NotNegative("episode", Episode);
        errors.NotNegative("element_index", ElementIndex);
        if (ElementKind is { } kind && !ElementKinds.Contains(kind))
        {
            errors.Add("element_kind", $"'{kind}' is not a valid element_kind; allowed values: {string.Join(", ", ElementKinds)}.");
        }

        errors.JsonObject("data", Data);
    }
}
