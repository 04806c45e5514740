using System.Globalization;
using RlGameTester.Data.Bugs;
using RlGameTester.Data.Events;
using RlGameTester.Data.Metrics;

namespace RlGameTester.Analysis.Detectors;

/// <summary>
/// Detectors over a run's events in one streaming pass, for any agent: instant deaths (one drop of 80 or
/// more ending at 0 or below), spawn deaths (death within 10 ticks of an episode's start); stuck periods come
/// from <see cref="StuckPeriodDetector"/> (one finding per period). Feed events in stream order.
/// </summary>
public sealed class TelemetryDetectors
{
    public const int InstantDeathDrop = 80;
    public const int SpawnDeathTicks = 10;

    private readonly List<Finding> _findings = [];
    private MetricEvent? _episodeStart;
    private (double X, double Y)? _lastPlace;

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
                break;
            case EventType.Death:
                CheckSpawnDeath(e);
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
