using RlGameTester.Analysis.Reports;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Analysis.Tests.Reports;

/// <summary>The score, the report's factors and the LLM's instructions read one table of hardness weights.</summary>
public sealed class HardnessWeightsTests
{
    [Fact]
    public void TheReportsFactorsAndTheLlmPromptUseTheScoresWeights()
    {
        // The worst case of each factor scores its weight; the four make 100.
        var worst = Hardness.Compute(deaths: 5, episodes: 5, avgKillsPerEpisode: 0, avgHealth: 0, stuckPeriods: Hardness.StuckForFull);
        Assert.Equal(
            (Hardness.DeathPoints, Hardness.KillPoints, Hardness.HealthPoints, Hardness.StuckPoints, 100.0),
            ((int)worst.DeathFactor, (int)worst.KillFactor, (int)worst.HealthFactor, (int)worst.StuckFactor, worst.Score));

        var factors = ReportComposer.Factors(new EvidenceMetrics { HardnessBand = worst.Band }).ToDictionary(f => f.Name, f => f.Of);
        Assert.Equal(new Dictionary<string, double>
        {
            ["deaths"] = Hardness.DeathPoints, ["kills"] = Hardness.KillPoints, ["health"] = Hardness.HealthPoints, ["stuck"] = Hardness.StuckPoints,
        }, factors);

        Assert.Contains($"deaths (max {Hardness.DeathPoints}), kills (max {Hardness.KillPoints}), health (max {Hardness.HealthPoints}), stuck periods (max {Hardness.StuckPoints})", LlmPrompt.System, StringComparison.Ordinal);
    }
}
