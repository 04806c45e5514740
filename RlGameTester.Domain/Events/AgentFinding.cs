using System.Text.Json;
using System.Text.Json.Serialization;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Domain.Events;

/// <summary>
/// The payload of a <c>finding</c> event: a defect an agent established itself (the explorer knows an exit is
/// unreachable from the level's geometry, which no detector could infer from positions). The Analysis service
/// stores each as a bug of the run, with the same place, element and evidence.
/// </summary>
public sealed record AgentFinding
{
    /// <summary>The bug type it becomes.</summary>
    [JsonConverter(typeof(SnakeCaseEnumJson<BugType>))]
    public required BugType Type { get; init; }

    [JsonConverter(typeof(SnakeCaseEnumJson<BugSeverity>))]
    public BugSeverity Severity { get; init; } = BugSeverity.Major;

    /// <summary>A stable name for the finding's kind, e.g. <c>explorer-exit-unreachable</c>.</summary>
    public required string Check { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Where, in map units.</summary>
    public double? X { get; init; }

    public double? Y { get; init; }

    /// <summary>The level element concerned: line, side, sector, thing or level.</summary>
    public string? ElementKind { get; init; }

    public int? ElementIndex { get; init; }

    public double Confidence { get; init; } = 1.0;

    /// <summary>What the finding rests on, as names and values a report can quote.</summary>
    public IReadOnlyDictionary<string, string>? Evidence { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, AgentFindingJson.Default.AgentFinding);

    /// <summary>Reads a payload; null when it is not a finding (missing type, check or title, or not JSON).</summary>
    public static AgentFinding? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, AgentFindingJson.Default.AgentFinding);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AgentFinding))]
internal sealed partial class AgentFindingJson : JsonSerializerContext;

/// <summary>Enum values in JSON as everywhere else: <c>exit_unreachable</c>; numbers are refused.</summary>
internal sealed class SnakeCaseEnumJson<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
