namespace RlGameTester.Api.Metrics;

/// <summary>One episode's series: a point after each health, ammo, kill or death event, carrying the running values.</summary>
public sealed record TimelineEpisode
{
    /// <summary>The episode number as the agent gave it.</summary>
    /// <example>1</example>
    public int? Episode { get; init; }

    public required IReadOnlyList<TimelinePoint> Points { get; init; }
}
