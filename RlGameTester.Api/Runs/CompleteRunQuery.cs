using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Runs;

/// <summary>What <c>POST /api/runs/{id}/complete</c> may record about the finished run.</summary>
internal sealed record CompleteRunQuery(
    [property: FromQuery(Name = "total_episodes")] int? TotalEpisodes,
    [property: FromQuery(Name = "total_iterations")] int? TotalIterations,
    [property: FromQuery(Name = "log_path")] string? LogPath) : IValidatedRequest
{
    public void Validate(RequestErrors errors)
    {
        errors.NotNegative("total_episodes", TotalEpisodes);
        errors.NotNegative("total_iterations", TotalIterations);
        errors.Text("log_path", LogPath, 1024, required: false);
    }
}
