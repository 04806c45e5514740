using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Maps;

/// <summary>The text <c>GET /api/maps/search</c> looks for in map and level names.</summary>
internal sealed record SearchQuery([property: FromQuery(Name = "q")] string? Q) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => errors.Text("q", Q, 255, required: true);
}
