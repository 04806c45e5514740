using System.Globalization;
using RlGameTester.Domain.Bugs;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Analysis.Detectors;

/// <summary>
/// Detectors over a run's events in one streaming pass, for any agent: instant deaths (one drop of 80 or
/// more ending at 0 or below), spawn deaths (death within 10 ticks of an episode's start), hazard deaths (the
/// last damage before a death came from the level itself: a damaging floor); stuck periods come from
/// <see cref="StuckPeriodDetector"/> (one finding per period). An agent's own <c>finding</c> events (the
/// explorer's unreachable exit, softlocks, death zones) are taken as they are. Feed events in stream order.
/// </summary>
public sealed class TelemetryDetectors
{
    public const int InstantDeathDrop = 80;
    public const int SpawnDeathTicks = 10;

    private readonly List<Finding> _findings = [];
    private MetricEvent? _episodeStart;
    private (double X, double Y)? _lastPlace;
    private (MetricEvent Event, string Cause)? _lastHazardDamage;

    public void Add(MetricEvent e)
    {
        switch (e.Type)
        {
            case EventType.EpisodeStart:
                _episodeStart = e;
                break;
            case EventType.Position when PayloadReader.Pair(e.Data, "x", "y") is ({ } x, { } y):
                _lastPlace = (x, y);
                break;
            case EventType.HealthChange:
                CheckInstantDeath(e);
                NoteHazardDamage(e);
                break;
            case EventType.Death:
                CheckSpawnDeath(e);
                CheckHazardDeath(e);
                break;
            case EventType.Finding:
                AddAgentFinding(e);
                break;
        }
    }

    /// <summary>The findings, stuck periods included.</summary>
    public IReadOnlyList<Finding> Complete(IReadOnlyList<StuckPeriod> stuckPeriods)
    {
        var all = new List<Finding>(_findings);
        all.AddRange(stuckPeriods.Select(Stuck));
        return all;
    }

    private void CheckInstantDeath(MetricEvent e)
    {
        if (PayloadReader.Pair(e.Data, "old", "new") is not ({ } old, { } now))
        {
            return;
        }

        if (old - now >= InstantDeathDrop && now <= 0)
        {
            _findings.Add(new Finding(
                BugType.InstantDeath, BugSeverity.Critical, 0.90, "instant-death",
                $"Instant death: {Whole(old - now)} health lost in one hit ({Whole(old)} to {Whole(now)})",
                $"In episode {e.Episode?.ToString(CultureInfo.InvariantCulture) ?? "?"} the player lost {Whole(old - now)} health at once and died. "
                + "A single hit of that size leaves no chance to react: check for a crusher, a telefrag, an exploding barrel next to the path, or a monster placed in ambush at point-blank range.",
                e.Episode, e.Frame, e.Timestamp, _lastPlace?.X, _lastPlace?.Y,
                new Dictionary<string, object?> { ["event_id"] = e.Id, ["old"] = old, ["new"] = now }));
        }
    }

    private void CheckSpawnDeath(MetricEvent e)
    {
        if (_episodeStart is not { } start || e.Frame is not { } frame || start.Frame is not { } startFrame || start.Episode != e.Episode)
        {
            return;
        }

        var ticks = frame - startFrame;
        if (ticks <= SpawnDeathTicks)
        {
            _findings.Add(new Finding(
                BugType.SpawnDeath, BugSeverity.Critical, 0.90, "spawn-death",
                $"Death {ticks} tick(s) after spawning",
                $"In episode {e.Episode?.ToString(CultureInfo.InvariantCulture) ?? "?"} the player died {ticks} tick(s) ({ticks / 35.0:F2} s) after the episode started: "
                + "the start spot is lethal (a damaging floor, a crusher, or monsters that see the start).",
                e.Episode, e.Frame, e.Timestamp, _lastPlace?.X, _lastPlace?.Y,
                new Dictionary<string, object?> { ["event_id"] = e.Id, ["episode_start_event_id"] = start.Id, ["ticks_after_start"] = ticks }));
        }
    }

    /// <summary>Damage the agent attributes to the level (its payload has a <c>hazard</c> cause), kept until the next damage.</summary>
    private void NoteHazardDamage(MetricEvent e)
    {
        _lastHazardDamage = PayloadReader.Text(e.Data, "hazard") is { } cause ? (e, cause) : null;
    }

    private void CheckHazardDeath(MetricEvent e)
    {
        if (_lastHazardDamage is not ({ } damage, { } cause) || damage.Episode != e.Episode)
        {
            return;
        }

        _lastHazardDamage = null;
        _findings.Add(new Finding(
            BugType.Hazard, BugSeverity.Major, 0.85, "hazard-death",
            FormattableString.Invariant($"Killed by the level: {cause}"),
            $"In episode {e.Episode?.ToString(CultureInfo.InvariantCulture) ?? "?"} the player died from {cause}, not from a monster"
            + Place() + ". Check that the hazard can be left (a lift, steps, a radiation suit nearby) and that the player is warned.",
            e.Episode, e.Frame, e.Timestamp, _lastPlace?.X, _lastPlace?.Y,
            new Dictionary<string, object?> { ["event_id"] = e.Id, ["damage_event_id"] = damage.Id, ["cause"] = cause }));
    }

    private void AddAgentFinding(MetricEvent e)
    {
        if (AgentFinding.FromJson(e.Data) is not { } found)
        {
            return;
        }

        var evidence = new Dictionary<string, object?> { ["event_id"] = e.Id };
        foreach (var (name, value) in found.Evidence ?? new Dictionary<string, string>())
        {
            evidence[name] = value;
        }

        _findings.Add(new Finding(
            found.Type, found.Severity, Math.Clamp(found.Confidence, 0, 1), found.Check, found.Title, found.Description ?? found.Title,
            e.Episode, e.Frame, e.Timestamp, found.X, found.Y, evidence)
        {
            ElementKind = found.ElementKind,
            ElementIndex = found.ElementIndex,
        });
    }

    private string Place() => _lastPlace is var (x, y) ? FormattableString.Invariant($" at ({x:0}, {y:0})") : string.Empty;

    private static Finding Stuck(StuckPeriod period)
    {
        var seconds = (period.End - period.Start).TotalSeconds;
        var place = period.X is { } x && period.Y is { } y ? FormattableString.Invariant($" at ({x:0}, {y:0})") : string.Empty;
        return new Finding(
            BugType.StuckState, BugSeverity.Major, 0.95, "stuck-state",
            FormattableString.Invariant($"Agent stuck for {seconds:0.0} s{place}"),
            FormattableString.Invariant($"The player did not move for {period.Samples} samples ({seconds:0.0} s) in episode {period.Episode?.ToString(CultureInfo.InvariantCulture) ?? "?"}{place}. ")
            + "Look for geometry that catches the player's 16-unit radius: a gap narrower than 32 units, a step just over 24 units, or a thing blocking a corridor.",
            period.Episode, period.StartFrame, period.Start, period.X, period.Y,
            new Dictionary<string, object?>
            {
                ["start"] = period.Start, ["end"] = period.End, ["duration_seconds"] = seconds, ["samples"] = period.Samples,
                ["start_frame"] = period.StartFrame, ["end_frame"] = period.EndFrame,
                ["first_event_id"] = period.FirstEventId, ["last_event_id"] = period.LastEventId,
            });
    }

    private static string Whole(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}
