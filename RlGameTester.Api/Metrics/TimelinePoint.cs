using RlGameTester.Domain.Events;

namespace RlGameTester.Api.Metrics;

/// <summary>The state after one event.</summary>
public sealed record TimelinePoint
{
    /// <example>2026-11-25T16:00:07Z</example>
    public DateTime Timestamp { get; init; }

    /// <example>245</example>
    public int? Frame { get; init; }

    /// <example>health_change</example>
    public EventType EventType { get; init; }

    /// <example>80</example>
    public int? Health { get; init; }

    /// <example>48</example>
    public int? Ammo { get; init; }

    /// <summary>Kills so far in the episode.</summary>
    /// <example>2</example>
    public int Kills { get; init; }

    /// <summary>Deaths so far in the episode.</summary>
    /// <example>0</example>
    public int Deaths { get; init; }
}
