using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;
using RlGameTester.Data.Runs;

namespace RlGameTester.Api.Runs;

/// <summary>The filters of <c>GET /api/runs</c>, each optional.</summary>
internal sealed record RunQuery(
    [property: FromQuery(Name = "map_id")] long? MapId,
    [property: FromQuery(Name = "status")] string? Status,
    [property: FromQuery(Name = "run_type")] string? RunType) : IValidatedRequest
{
    public RunStatus? StatusFilter => RequestErrors.ParsedEnum<RunStatus>(Status);

    public RunType? TypeFilter => RequestErrors.ParsedEnum<RunType>(RunType);

    public void Validate(RequestErrors errors)
    {
        errors.Id("map_id", MapId);
        errors.Enum<RunStatus>("status", Status);
        errors.Enum<RunType>("run_type", RunType);
    }
}
