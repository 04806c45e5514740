using RlGameTester.Analysis.Detectors;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;

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

    [Fact]
    public void AnAgentsFindingEventBecomesAFindingWithItsPlaceElementAndEvidence()
    {
        var payload = new AgentFinding
        {
            Type = BugType.ExitUnreachable,
            Severity = BugSeverity.Critical,
            Check = "explorer-exit-unreachable",
            Title = "Exit unreachable: the step at line 12 is 64 units",
            X = 320,
            Y = -96,
            ElementKind = "line",
            ElementIndex = 12,
            Evidence = new Dictionary<string, string> { ["step"] = "64" },
        }.ToJson();
        Assert.Contains("\"type\":\"exit_unreachable\"", payload);

        var findings = Run(
            E(EventType.EpisodeStart, frame: 0),
            E(EventType.Finding, frame: 900, data: payload),
            E(EventType.Finding, frame: 901, data: "{\"type\":\"no_such_type\",\"check\":\"x\",\"title\":\"y\"}"),
            E(EventType.Finding, frame: 902, data: "{\"check\":\"x\",\"title\":\"no type\"}"));

        var finding = Assert.Single(findings);
        Assert.Equal(BugType.ExitUnreachable, finding.Type);
        Assert.Equal(BugSeverity.Critical, finding.Severity);
        Assert.Equal("explorer-exit-unreachable", finding.CheckName);
        Assert.Equal(("line", 12), (finding.ElementKind, finding.ElementIndex!.Value));
        Assert.Equal((320.0, -96.0), (finding.X!.Value, finding.Y!.Value));
        Assert.Equal(900, finding.Frame);
        Assert.Equal("64", finding.Evidence["step"]);
        Assert.Equal(1.0, finding.Confidence);
    }

    [Fact]
    public void ADeathRightAfterHazardDamageIsAHazardDeathButAMonstersHitIsNot()
    {
        var findings = Run(
            E(EventType.EpisodeStart, frame: 0),
            E(EventType.Position, frame: 28, data: "{\"x\":64,\"y\":32}"),
            E(EventType.HealthChange, frame: 32, data: "{\"old\":20,\"new\":10,\"hazard\":\"a damaging floor (10 hp every 32 tics)\"}"),
            E(EventType.HealthChange, frame: 64, data: "{\"old\":10,\"new\":0,\"hazard\":\"a damaging floor (10 hp every 32 tics)\"}"),
            E(EventType.Death, frame: 64),
            E(EventType.EpisodeStart, frame: 100, episode: 2),
            E(EventType.HealthChange, frame: 132, episode: 2, data: "{\"old\":20,\"new\":10,\"hazard\":\"a damaging floor\"}"),
            E(EventType.HealthChange, frame: 140, episode: 2, data: "{\"old\":10,\"new\":-5}"),
            E(EventType.Death, frame: 140, episode: 2));

        var hazard = Assert.Single(findings, f => f.Type == BugType.Hazard);
        Assert.Equal(1, hazard.Episode);
        Assert.Equal(64, hazard.Frame);
        Assert.Equal((64.0, 32.0), (hazard.X!.Value, hazard.Y!.Value));
        Assert.Contains("damaging floor", hazard.Title);
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
