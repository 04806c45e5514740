using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Metrics;

/// <summary>The hardness range of <c>GET /api/metrics</c>, each end optional.</summary>
internal sealed record HardnessQuery(
    [property: FromQuery(Name = "min_hardness")] double? MinHardness,
    [property: FromQuery(Name = "max_hardness")] double? MaxHardness) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.Range("min_hardness", MinHardness, 0, 100);
        errors.Range("max_hardness", MaxHardness, 0, 100);
        if (MinHardness > MaxHardness)
        {
            errors.Add("min_hardness", $"must not exceed max_hardness ({MaxHardness}); got {MinHardness}.");
        }
    }
}
