namespace RlGameTester.Api.Metrics;

/// <summary>Per-episode series of health, ammo, kills and deaths, ready for charts.</summary>
public sealed record TimelineResponse
{
    /// <example>12</example>
    public long RunId { get; init; }

    public required IReadOnlyList<TimelineEpisode> Episodes { get; init; }
}
