namespace RlGameTester.Api.Runs;

/// <summary>An accepted background task.</summary>
public sealed record TaskResponse
{
    /// <example>run-12</example>
    public required string TaskId { get; init; }

    /// <example>started</example>
    public required string Status { get; init; }

    /// <example>Run 12 has been started</example>
    public required string Message { get; init; }
}
