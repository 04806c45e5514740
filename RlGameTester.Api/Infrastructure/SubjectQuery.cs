using Microsoft.AspNetCore.Mvc;

namespace RlGameTester.Api.Infrastructure;

/// <summary>An optional run and map to narrow a summary to.</summary>
internal sealed record SubjectQuery(
    [property: FromQuery(Name = "run_id")] long? RunId,
    [property: FromQuery(Name = "map_id")] long? MapId) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Id("run_id", RunId);
        errors.Id("map_id", MapId);
    }
}
