using RlGameTester.Domain.Events;

namespace RlGameTester.Domain.Metrics;

/// <summary>
/// Finds stuck periods in a run's events, one per period (not one per sliding window, as the seed did):
/// identical x,y over at least <see cref="MinimumSamples"/> consecutive position events of an episode. Runs
/// without position events (Arnold never logs position) fall back to <c>stuck_candidate</c> events.
/// Feed events in stream order.
/// </summary>
public sealed class StuckPeriodDetector(int minimumSamples = StuckPeriodDetector.DefaultMinimumSamples)
{
    public const int DefaultMinimumSamples = 100;

    private readonly List<StuckPeriod> _fromPositions = [];
    private readonly List<StuckPeriod> _fromCandidates = [];
    private bool _sawPosition;
    private Stretch? _current;

    public int MinimumSamples { get; } = minimumSamples;

    public void Add(MetricEvent e)
    {
        switch (e.Type)
        {
            case EventType.Position:
                AddPosition(e);
                break;
            case EventType.StuckCandidate:
                var (x, y) = PayloadReader.Pair(e.Data, "x", "y");
                _fromCandidates.Add(new StuckPeriod(e.Episode, e.Frame, e.Frame, e.Timestamp, e.Timestamp, x, y, 1, e.Id, e.Id));
                break;
            case EventType.EpisodeStart or EventType.EpisodeEnd or EventType.Death or EventType.Respawn or EventType.Teleport:
                // Standing still across a death or a new episode is not being stuck.
                Close();
                break;
        }
    }

    /// <summary>The periods found, in order. Call once, after the last event.</summary>
    public IReadOnlyList<StuckPeriod> Complete()
    {
        Close();
        return _sawPosition ? _fromPositions : _fromCandidates;
    }

    private void AddPosition(MetricEvent e)
    {
        _sawPosition = true;
        var (x, y) = PayloadReader.Pair(e.Data, "x", "y");
        if (x is null || y is null)
        {
            return;
        }

        if (_current is { } stretch && stretch.X == x && stretch.Y == y && stretch.Episode == e.Episode)
        {
            stretch.Extend(e);
            return;
        }

        Close();
        _current = new Stretch(e, x.Value, y.Value);
    }

    private void Close()
    {
        if (_current is { } stretch && stretch.Samples >= MinimumSamples)
        {
            _fromPositions.Add(stretch.ToPeriod());
        }

        _current = null;
    }

    private sealed class Stretch(MetricEvent first, double x, double y)
    {
        private readonly MetricEvent _first = first;
        private MetricEvent _last = first;

        public double X { get; } = x;

        public double Y { get; } = y;

        public int? Episode => _first.Episode;

        public int Samples { get; private set; } = 1;

        public void Extend(MetricEvent e)
        {
            _last = e;
            Samples++;
        }

        public StuckPeriod ToPeriod() =>
            new(Episode, _first.Frame, _last.Frame, _first.Timestamp, _last.Timestamp, X, Y, Samples, _first.Id, _last.Id);
    }
}
