using Microsoft.AspNetCore.Mvc;
using RlGameTester.Api.Infrastructure;

namespace RlGameTester.Api.Runs;

/// <summary>Why the run failed, for <c>POST /api/runs/{id}/fail</c>.</summary>
internal sealed record FailRunQuery([property: FromQuery(Name = "error_message")] string? ErrorMessage) : IValidatedRequest
{
    public void Validate(RequestErrors errors) => errors.Text("error_message", ErrorMessage, 10_000, required: true);
}
