using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>The filters of <c>GET /api/bugs</c>, each optional.</summary>
internal sealed record BugQuery(
    [property: FromQuery(Name = "run_id")] long? RunId,
    [property: FromQuery(Name = "map_id")] long? MapId,
    [property: FromQuery(Name = "bug_type")] string? BugType,
    [property: FromQuery(Name = "severity")] string? Severity,
    [property: FromQuery(Name = "detection_source")] string? DetectionSource,
    [property: FromQuery(Name = "triage")] string? Triage) : IValidatedRequest
{
    /// <summary>The <c>triage</c> filter's word for findings nobody has marked.</summary>
    public const string Unmarked = "none";

    public BugType? Type => RequestErrors.ParsedEnum<BugType>(BugType);

    public BugSeverity? Level => RequestErrors.ParsedEnum<BugSeverity>(Severity);

    public DetectionSource? Source => RequestErrors.ParsedEnum<DetectionSource>(DetectionSource);

    public bool OnlyUnmarked => Triage?.Trim() == Unmarked;

    public TriageStatus? Mark => RequestErrors.ParsedEnum<TriageStatus>(Triage);

    public void Validate(RequestErrors errors)
    {
        errors.Id("run_id", RunId);
        errors.Id("map_id", MapId);
        errors.Enum<BugType>("bug_type", BugType);
        errors.Enum<BugSeverity>("severity", Severity);
        errors.Enum<DetectionSource>("detection_source", DetectionSource);
        if (!string.IsNullOrWhiteSpace(Triage) && !OnlyUnmarked && Mark is null)
        {
            errors.Add("triage", $"'{Triage}' is not a valid triage; allowed values: {SnakeCase.AllowedValues<TriageStatus>()}, {Unmarked} (not marked).");
        }
    }
}
