namespace RlGameTester.Domain.Metrics;

/// <summary>A hardness score with what drives it: the four factors add up to the score (before clamping).</summary>
public sealed record HardnessScore(double Score, string Band, double DeathFactor, double KillFactor, double HealthFactor, double StuckFactor);
