namespace RlGameTester.Api.Bugs;

/// <summary>Bug counts, grouped.</summary>
public sealed record BugSummaryResponse
{
    /// <example>12</example>
    public long? RunId { get; init; }

    /// <example>null</example>
    public long? MapId { get; init; }

    /// <example>9</example>
    public int Total { get; init; }

    public required IReadOnlyDictionary<string, int> ByType { get; init; }

    public required IReadOnlyDictionary<string, int> BySeverity { get; init; }

    public required IReadOnlyDictionary<string, int> BySource { get; init; }
}
