using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Events;

/// <summary>How many events a run has (of one type, when asked).</summary>
public sealed record EventCountResponse
{
    /// <example>12</example>
    public long RunId { get; init; }

    /// <example>5230</example>
    public long Count { get; init; }

    /// <example>null</example>
    public EventType? EventType { get; init; }
}
