using RlGameTester.Domain.Events;
using RlGameTester.Domain.Metrics;

namespace RlGameTester.Api.Metrics;

/// <summary>Folds a run's events into per-episode series, carrying the running health, ammo, kills and deaths.</summary>
internal sealed class TimelineBuilder
{
    private readonly List<TimelineEpisode> _episodes = [];
    private List<TimelinePoint> _points = [];
    private int? _episode;
    private bool _open;
    private int? _health;
    private int? _ammo;
    private int _kills;
    private int _deaths;

    public void Add(MetricEvent e)
    {
        if (e.Type == EventType.EpisodeStart || (_open && e.Episode is not null && e.Episode != _episode))
        {
            Close();
        }

        if (!_open)
        {
            _open = true;
            _episode = e.Episode;
        }

        switch (e.Type)
        {
            case EventType.EpisodeStart:
                return;
            case EventType.HealthChange:
                _health = Whole(PayloadReader.Number(e.Data, "new", "health")) ?? _health;
                break;
            case EventType.AmmoChange:
                _ammo = Whole(PayloadReader.Number(e.Data, "new", "ammo")) ?? _ammo;
                break;
            case EventType.Kill:
                _kills++;
                break;
            case EventType.Death:
                _deaths++;
                break;
        }

        _points.Add(new TimelinePoint
        {
            Timestamp = e.Timestamp,
            Frame = e.Frame,
            EventType = e.Type,
            Health = _health,
            Ammo = _ammo,
            Kills = _kills,
            Deaths = _deaths,
        });
    }

    public IReadOnlyList<TimelineEpisode> Complete()
    {
        Close();
        return _episodes;
    }

    private void Close()
    {
        if (_open && _points.Count > 0)
        {
            _episodes.Add(new TimelineEpisode { Episode = _episode, Points = _points });
        }

        _points = [];
        _open = false;
        _health = null;
        _ammo = null;
        _kills = 0;
        _deaths = 0;
    }

    private static int? Whole(double? value) => value is { } v ? (int)Math.Round(v) : null;
}
