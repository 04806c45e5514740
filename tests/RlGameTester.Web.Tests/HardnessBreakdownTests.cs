using RlGameTester.Web.Api;
using RlGameTester.Web.Components.Shared;

namespace RlGameTester.Web.Tests;

/// <summary>The hardness breakdown: the score and band, and each factor against the most the Domain lets it add.</summary>
public sealed class HardnessBreakdownTests : IDisposable
{
    private readonly BunitContext _context = new();

    private static readonly RunMetrics Metrics = new()
    {
        Episodes = 4,
        TotalDeaths = 2,
        AvgKillsPerEpisode = 6,
        AvgHealth = 55.5,
        StuckCount = 1,
        HardnessScore = 38.6,
        HardnessBand = "easy",
        HardnessFactors = new Dictionary<string, double> { ["deaths"] = 17.5, ["kills"] = 10, ["health"] = 8.9, ["stuck"] = 2.2 },
    };

    [Fact]
    public void TheScoreBandAndFourFactorsAreShownEachOutOfItsWeight()
    {
        var breakdown = _context.Render<HardnessBreakdown>(p => p.Add(h => h.Metrics, Metrics).Add(h => h.Agent, "arnold"));

        Assert.Equal("38.6", breakdown.Find("#hardness-score").TextContent);
        Assert.Equal("easy", breakdown.Find("#hardness-band").TextContent);
        Assert.Contains("band-easy", breakdown.Find("#hardness-band").ClassName, StringComparison.Ordinal);
        Assert.Equal(["Deaths", "Few kills", "Health lost", "Stuck"], breakdown.FindAll("dt").Select(d => d.TextContent));
        var meters = breakdown.FindAll("meter");
        Assert.Equal(["35", "25", "20", "20"], meters.Select(m => m.GetAttribute("max")));
        Assert.Equal(["17.5", "10", "8.9", "2.2"], meters.Select(m => m.GetAttribute("value")));
        Assert.Equal("Deaths: 17.5 of 35 points", meters[0].GetAttribute("aria-label"));
        Assert.Contains("2 in 4 episodes", breakdown.Find("dd[data-factor='deaths'] small").TextContent, StringComparison.Ordinal);
        Assert.Contains("average health 55.5", breakdown.Find("dd[data-factor='health'] small").TextContent, StringComparison.Ordinal);
        Assert.Contains("1 stuck period;", breakdown.Find("dd[data-factor='stuck'] small").TextContent, StringComparison.Ordinal);
        Assert.Empty(breakdown.FindAll("p.hint"));
    }

    [Fact]
    public void AnAgentThatDoesNotFightIsSaidToEarnTheKillsPointsItself()
    {
        var breakdown = _context.Render<HardnessBreakdown>(p => p.Add(h => h.Metrics, Metrics with { HardnessFactors = new Dictionary<string, double>() }).Add(h => h.Agent, "explorer"));

        Assert.Contains("The explorer plays without monsters", breakdown.Find("p.hint").TextContent, StringComparison.Ordinal);
        // Factors the metrics lack count as none.
        Assert.All(breakdown.FindAll("meter"), m => Assert.Equal("0", m.GetAttribute("value")));
    }

    public void Dispose() => _context.Dispose();
}
