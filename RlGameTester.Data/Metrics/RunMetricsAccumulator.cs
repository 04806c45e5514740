using System.Text.Json;
using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Data.Metrics;

/// <summary>
/// Computes a run's metrics from its events in one pass, in stream order, with memory bounded by the number
/// of episodes: deaths, kills per episode, health (new values clamped at 0; 100 when there are none),
/// damage, durations, stuck periods, losses, exit and coverage where the agent reports them, and hardness.
/// </summary>
public sealed class RunMetricsAccumulator(int stuckMinimumSamples = StuckPeriodDetector.DefaultMinimumSamples)
{
    private readonly StuckPeriodDetector _stuck = new(stuckMinimumSamples);
    private readonly List<int> _killsPerEpisode = [];
    private readonly List<double> _episodeSeconds = [];
    private int _kills;
    private int _deaths;
    private int _killsThisEpisode;
    private bool _episodeOpen;
    private DateTime? _episodeStartedAt;
    private double _healthSum;
    private int _healthCount;
    private int? _minHealth;
    private int _damage;
    private double _lossSum;
    private int _lossCount;
    private double? _lastLoss;
    private DateTime? _first;
    private DateTime? _last;
    private bool _exitReached;
    private bool? _exitReportedUnreachable;
    private double? _timeToExit;
    private double? _coverageReachable;
    private double? _coverageVisited;
    private readonly List<string> _exitAssumptions = [];

    public void Add(MetricEvent e)
    {
        _first ??= e.Timestamp;
        _last = e.Timestamp;
        _stuck.Add(e);
        switch (e.Type)
        {
            case EventType.EpisodeStart:
                CloseEpisode(e.Timestamp);
                _episodeOpen = true;
                _episodeStartedAt = e.Timestamp;
                break;
            case EventType.EpisodeEnd:
                ReadAgentReport(e.Data);
                _episodeOpen = true;
                CloseEpisode(e.Timestamp);
                break;
            case EventType.Kill:
                _kills++;
                _killsThisEpisode++;
                _episodeOpen = true;
                break;
            case EventType.Death:
                _deaths++;
                _episodeOpen = true;
                break;
            case EventType.HealthChange:
                AddHealth(e.Data);
                break;
            case EventType.Loss:
                if (PayloadReader.Number(e.Data, "value", "loss", "dqn_loss") is { } loss)
                {
                    _lossSum += loss;
                    _lossCount++;
                    _lastLoss = loss;
                }

                break;
            case EventType.ExitReached:
                if (!_exitReached && _episodeStartedAt is { } started)
                {
                    _timeToExit = (e.Timestamp - started).TotalSeconds;
                }

                _exitReached = true;
                ReadAgentReport(e.Data);
                break;
            case EventType.Summary or EventType.EvaluationEnd:
                ReadAgentReport(e.Data);
                break;
        }
    }

    /// <summary>The metric row for <paramref name="runId"/>, and the stuck periods behind its stuck count.</summary>
    public (Metric Metric, IReadOnlyList<StuckPeriod> StuckPeriods) Complete(long runId, DateTime calculatedAt)
    {
        CloseEpisode(_last);
        var stuck = _stuck.Complete();
        var episodes = _killsPerEpisode.Count;
        var avgKills = episodes > 0 ? (double)_kills / episodes : _kills;
        var avgHealth = _healthCount > 0 ? _healthSum / _healthCount : 100;
        var hardness = Hardness.Compute(_deaths, episodes, avgKills, avgHealth, stuck.Count);

        var metric = new Metric
        {
            RunId = runId,
            Episodes = episodes,
            TotalKills = _kills,
            TotalDeaths = _deaths,
            AvgKillsPerEpisode = episodes > 0 ? Math.Round(avgKills, 4) : null,
            MinKills = episodes > 0 ? _killsPerEpisode.Min() : null,
            MaxKills = episodes > 0 ? _killsPerEpisode.Max() : null,
            AvgHealth = Math.Round(avgHealth, 4),
            MinHealth = _minHealth,
            TotalDamageTaken = _damage,
            AvgEpisodeDuration = _episodeSeconds.Count > 0 ? Math.Round(_episodeSeconds.Average(), 3) : null,
            TotalDuration = _first is { } first && _last is { } last ? (last - first).TotalSeconds : null,
            StuckCount = stuck.Count,
            FinalLoss = _lastLoss,
            AvgLoss = _lossCount > 0 ? _lossSum / _lossCount : null,
            HardnessScore = hardness.Score,
            HardnessBand = hardness.Band,
            HardnessFactors = JsonSerializer.Serialize(new Dictionary<string, double>
            {
                ["deaths"] = hardness.DeathFactor,
                ["kills"] = hardness.KillFactor,
                ["health"] = hardness.HealthFactor,
                ["stuck"] = hardness.StuckFactor,
            }),
            Solvability = _exitReached ? true : _exitReportedUnreachable == true ? false : null,
            CoverageReachable = _coverageReachable,
            CoverageVisited = _coverageVisited,
            ExitAssumptions = _exitAssumptions.Count == 0 ? null : JsonSerializer.Serialize(_exitAssumptions),
            TimeToExit = _timeToExit,
            CalculatedAt = calculatedAt,
        };
        return (metric, stuck);
    }

    private void AddHealth(string? data)
    {
        if (PayloadReader.Number(data, "new", "health") is not { } value)
        {
            return;
        }

        var health = (int)Math.Round(value);
        _healthSum += Math.Max(health, 0);
        _healthCount++;
        _minHealth = _minHealth is { } min ? Math.Min(min, health) : health;
        if (PayloadReader.Number(data, "old") is { } old && old > value)
        {
            _damage += (int)Math.Round(old - value);
        }
    }

    /// <summary>Agents that know the level (the explorer) report exit and coverage in their episode or summary payloads.</summary>
    private void ReadAgentReport(string? data)
    {
        if (PayloadReader.Boolean(data, "exit_reached") is { } exit)
        {
            _exitReached |= exit;
            _exitReportedUnreachable ??= !exit;
        }

        _coverageReachable = PayloadReader.Number(data, "coverage_reachable") ?? _coverageReachable;
        _coverageVisited = PayloadReader.Number(data, "coverage_visited") ?? _coverageVisited;
        _timeToExit ??= PayloadReader.Number(data, "time_to_exit");
        foreach (var assumption in PayloadReader.Texts(data, "exit_assumptions") ?? [])
        {
            if (!_exitAssumptions.Contains(assumption))
            {
                _exitAssumptions.Add(assumption);
            }
        }
    }

    private void CloseEpisode(DateTime? at)
    {
        if (!_episodeOpen)
        {
            return;
        }

        _killsPerEpisode.Add(_killsThisEpisode);
        if (_episodeStartedAt is { } started && at is { } end)
        {
            _episodeSeconds.Add((end - started).TotalSeconds);
        }

        _killsThisEpisode = 0;
        _episodeOpen = false;
        _episodeStartedAt = null;
    }
}
