namespace RlGameTester.Domain.Metrics;

/// <summary>
/// How hard a level played (the README's "Using it" gives the formula and bands), 0-100 with two decimals:
/// <c>min(deaths/episodes, 1)*35 + max(0, 1 - avg_kills/10)*25 + max(0, 1 - avg_health/100)*20 + min(stuck/10, 1)*20</c>.
/// </summary>
public static class Hardness
{
    // The most each factor adds: the one table the score, the reports and the LLM's instructions read.
    public const int DeathPoints = 35;
    public const int KillPoints = 25;
    public const int HealthPoints = 20;
    public const int StuckPoints = 20;

    /// <summary>Kills per episode at which the kills factor reaches 0; stuck periods at which the stuck factor is full.</summary>
    public const int KillsForNone = 10;
    public const int StuckForFull = 10;

    /// <summary>The score and its four parts.</summary>
    public static HardnessScore Compute(int deaths, int episodes, double avgKillsPerEpisode, double avgHealth, int stuckPeriods)
    {
        var perEpisode = Math.Max(episodes, 1);
        var death = Math.Min((double)deaths / perEpisode, 1) * DeathPoints;
        var kills = Math.Max(0, 1 - (avgKillsPerEpisode / KillsForNone)) * KillPoints;
        var health = Math.Max(0, 1 - (avgHealth / 100)) * HealthPoints;
        var stuck = Math.Min(stuckPeriods / (double)StuckForFull, 1) * StuckPoints;
        var total = Math.Clamp(Math.Round(death + kills + health + stuck, 2, MidpointRounding.AwayFromZero), 0, 100);
        return new HardnessScore(
            total,
            Band(total),
            Math.Round(death, 2, MidpointRounding.AwayFromZero),
            Math.Round(kills, 2, MidpointRounding.AwayFromZero),
            Math.Round(health, 2, MidpointRounding.AwayFromZero),
            Math.Round(stuck, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>0-20 very easy, 21-40 easy, 41-60 medium, 61-80 hard, 81-100 very hard (upper bounds inclusive).</summary>
    public static string Band(double score) => score switch
    {
        <= 20 => "very_easy",
        <= 40 => "easy",
        <= 60 => "medium",
        <= 80 => "hard",
        _ => "very_hard",
    };
}
