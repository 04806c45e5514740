using RlGameTester.Analysis.Detectors;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Metrics;

namespace RlGameTester.Analysis.Tests.Detectors;

public sealed class TelemetryDetectorsTests
{
    private static readonly DateTime T0 = new(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc);
    private long _id;

    [Fact]
    public void ADropOfEightyOrMoreEndingAtZeroOrBelowIsAnInstantDeathAtTheLastKnownPlace()
    {
        var findings = Run(
            E(EventType.EpisodeStart, frame: 0),
            E(EventType.Position, frame: 40, data: "{\"x\":128,\"y\":-64}"),
            E(EventType.HealthChange, frame: 50, data: "{\"old\":100,\"new\":20}"),
            E(EventType.HealthChange, frame: 60, data: "{\"old\":20,\"new\":-60}"),
            E(EventType.HealthChange, frame: 70, data: "{\"old\":100,\"new\":10}"));

        var death = Assert.Single(findings);
        Assert.Equal(BugType.InstantDeath, death.Type);
        Assert.Equal(BugSeverity.Critical, death.Severity);
        Assert.Equal(0.90, death.Confidence);
        Assert.Equal(60, death.Frame);
        Assert.Equal((128.0, -64.0), (death.X!.Value, death.Y!.Value));
        Assert.Contains("80", death.Title);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void ADeathWithinTenTicksOfTheEpisodeStartIsASpawnDeath(int ticks, bool expected)
    {
        var findings = Run(
            E(EventType.EpisodeStart, frame: 100, episode: 2),
            E(EventType.Death, frame: 100 + ticks, episode: 2));

        Assert.Equal(expected, findings.Any(f => f.Type == BugType.SpawnDeath));
    }

    [Fact]
    public void EachStuckPeriodIsOneFindingWithItsStartEndAndPlace()
    {
        var events = new List<MetricEvent> { E(EventType.EpisodeStart, frame: 0) };
        events.AddRange(Enumerable.Range(1, 120).Select(i => E(EventType.Position, frame: i, data: "{\"x\":10,\"y\":20}")));
        events.Add(E(EventType.Position, frame: 200, data: "{\"x\":90,\"y\":20}"));
        // 99 samples in all at the second place: one short of a stuck period.
        events.AddRange(Enumerable.Range(201, 98).Select(i => E(EventType.Position, frame: i, data: "{\"x\":90,\"y\":20}")));

        var findings = Run([.. events]);

        var stuck = Assert.Single(findings);
        Assert.Equal(BugType.StuckState, stuck.Type);
        Assert.Equal(1, stuck.Frame);
        Assert.Equal(120, stuck.Evidence["end_frame"]);
        Assert.Equal(120, stuck.Evidence["samples"]);
        Assert.Equal((10.0, 20.0), (stuck.X!.Value, stuck.Y!.Value));
    }

    [Fact]
    public void WithoutPositionsStuckCandidatesAreTheStuckPeriods()
    {
        var findings = Run(
            E(EventType.EpisodeStart),
            E(EventType.StuckCandidate, data: "{\"reason\":\"manual_control\"}"),
            E(EventType.Kill),
            E(EventType.StuckCandidate, data: "{\"reason\":\"manual_control\"}"));

        Assert.Equal(2, findings.Count(f => f.Type == BugType.StuckState));
    }

    private IReadOnlyList<Finding> Run(params MetricEvent[] events)
    {
        var detectors = new TelemetryDetectors();
        var stuck = new StuckPeriodDetector();
        foreach (var e in events)
        {
            detectors.Add(e);
            stuck.Add(e);
        }

        return detectors.Complete(stuck.Complete());
    }

    private MetricEvent E(EventType type, int? frame = null, int episode = 1, string? data = null) =>
        new(++_id, type, T0.AddSeconds(_id / 35.0), episode, frame, data);
}
