namespace RlGameTester.Doom.Exploration;

/// <summary>The run's events in tick order, each stamped with the body's tick, floor and facing.</summary>
internal sealed class EventLog
{
    private readonly NavGrid _grid;
    private readonly Body _body;
    private readonly List<ExplorerEvent> _events = [];

    public EventLog(NavGrid grid, Body body)
    {
        _grid = grid;
        _body = body;
    }

    public IReadOnlyList<ExplorerEvent> Events => _events;

    public ExplorerEvent At(ExplorerEventKind kind, int c) => At(kind, c, _grid.X(c), _grid.Y(c));

    public ExplorerEvent At(ExplorerEventKind kind, int c, double x, double y) =>
        new(_body.LastTick, kind, x, y, _grid.CenterSector[c])
        {
            Z = _body.LiftConfig == 0 ? _grid.Floor0[c] : _grid.Floor1[c],
            Angle = _body.Angle,
        };

    public void Add(ExplorerEvent e) => _events.Add(e);
}
