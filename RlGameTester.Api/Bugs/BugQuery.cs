using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Domain.Bugs;

namespace RlGameTester.Api.Bugs;

/// <summary>The filters of <c>GET /api/bugs</c>, each optional.</summary>
internal sealed record BugQuery(
    [property: FromQuery(Name = "run_id")] long? RunId,
    [property: FromQuery(Name = "map_id")] long? MapId,
    [property: FromQuery(Name = "bug_type")] string? BugType,
    [property: FromQuery(Name = "severity")] string? Severity,
    [property: FromQuery(Name = "detection_source")] string? DetectionSource) : IValidatedRequest
{
    public BugType? Type => RequestErrors.ParsedEnum<BugType>(BugType);

    public BugSeverity? Level => RequestErrors.ParsedEnum<BugSeverity>(Severity);

    public DetectionSource? Source => RequestErrors.ParsedEnum<DetectionSource>(DetectionSource);

    public void Validate(RequestErrors errors)
    {
        errors.Id("run_id", RunId);
        errors.Id("map_id", MapId);
        errors.Enum<BugType>("bug_type", BugType);
        errors.Enum<BugSeverity>("severity", Severity);
        errors.Enum<DetectionSource>("detection_source", DetectionSource);
    }
}
