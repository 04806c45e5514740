namespace RlGameTester.Api.Events;

/// <summary>How many rows a bulk delete removed.</summary>
public sealed record DeletedResponse
{
    /// <example>5230</example>
    public long Deleted { get; init; }
}
