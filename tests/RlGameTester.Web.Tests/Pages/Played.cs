namespace RlGameTester.Web.Tests.Pages;

/// <summary>A run's events as the Worker reports them: two episodes whose hardness the Api's own tests work out by hand.</summary>
internal static class Played
{
    private static readonly DateTime T0 = new(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc);

    /// <summary>Hardness 49.42 (medium): deaths 17.5, kills 21.25, health 10.67, stuck 0.</summary>
    public static object[] TwoEpisodes() =>
    [
        new { event_type = "episode_start", timestamp = T0, episode = 1 },
        new { event_type = "health_change", timestamp = T0.AddSeconds(1), episode = 1, data = new { old = 100, @new = 60 } },
        new { event_type = "kill", timestamp = T0.AddSeconds(2), episode = 1 },
        new { event_type = "kill", timestamp = T0.AddSeconds(3), episode = 1 },
        new { event_type = "health_change", timestamp = T0.AddSeconds(4), episode = 1, data = new { old = 60, @new = -20 } },
        new { event_type = "death", timestamp = T0.AddSeconds(4), episode = 1 },
        new { event_type = "episode_end", timestamp = T0.AddSeconds(10), episode = 1 },
        new { event_type = "episode_start", timestamp = T0.AddSeconds(11), episode = 2 },
        new { event_type = "health_change", timestamp = T0.AddSeconds(12), episode = 2, data = new { old = 100, @new = 80 } },
        new { event_type = "kill", timestamp = T0.AddSeconds(13), episode = 2 },
        new { event_type = "episode_end", timestamp = T0.AddSeconds(31), episode = 2 },
    ];
}
