namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Which of the 8 steps from each cell the body can take under the current sector heights, where a step over a
/// teleport line leads, the running jumps (<see cref="Jumps"/>) and the jumps up onto ledges (<see cref="Climbs"/>).
/// Moving sectors report what they did to the steps in <see cref="StepChanges"/>.
/// </summary>
internal sealed class StepGraph
{
    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly LevelState _state;
    private readonly StepChanges _changes;
    private readonly byte[] _moveMask;
    private readonly FlightCells _flights;

    public StepGraph(LevelModel model, LevelState state, StepChanges changes)
    {
        _model = model;
        _grid = model.Grid;
        _state = state;
        _changes = changes;
        _moveMask = new byte[_grid.Count];
        for (var c = 0; c < _grid.Count; c++)
        {
            UpdateMoveMask(c);
        }

        _flights = new FlightCells(_grid, changes);
        Jumps = new JumpPlanner(model, this, _flights, state.Heights);
        Climbs = new LedgeJumps(model, this, _flights);
    }

    public JumpPlanner Jumps { get; }

    public LedgeJumps Climbs { get; }

    public bool CanStep(int from, int direction) => ((_moveMask[from] >> direction) & 1) != 0;

    /// <summary>
    /// The cell a step from <paramref name="from"/> in <paramref name="direction"/> leads to: the neighbour, or a
    /// teleport's arrival when the step crosses a usable teleport line from its front; -1 when the body cannot go.
    /// </summary>
    public int Step(int from, int direction, bool allowExit)
    {
        if (!CanStep(from, direction))
        {
            return -1;
        }

        var to = from + _grid.Offsets[direction];
        if (((_model.CrossMask[from] >> direction) & 1) == 0)
        {
            return to;
        }

        if (_model.CrossesAvoided(from, direction))
        {
            return -1;
        }

        foreach (var (line, frontToBack) in _model.Crossings(from, direction)!)
        {
            var action = _model.Actions[line]!;
            if (action.Exit && !allowExit && action.CrossedToSetOff(frontToBack))
            {
                return -1;
            }

            if (action.Teleport && frontToBack && action.TeleportThing >= 0 && (action.Repeatable || !_state.Activated[line]))
            {
                return action.TeleportCell;
            }
        }

        return to;
    }

    /// <summary>How many moves <see cref="Next"/> knows from a cell.</summary>
    public const int Moves = 32;

    /// <summary>
    /// Where move <paramref name="k"/> (0-7 the steps, 8-15 running jumps in those directions, 16-23 two running jumps
    /// in a row, 24-31 jumps up onto a ledge) leads, or -1.
    /// </summary>
    public int Next(int from, int k, bool allowExit, out double jumpTics)
    {
        jumpTics = 0;
        switch (k)
        {
            case < 8:
                return Step(from, k, allowExit);
            case < 16:
                return Jumps.Jump(from, k & 7, out jumpTics);
            case < 24:
                return Jumps.Chained(from, k & 7, out jumpTics);
            default:
                var landing = Climbs.Climb(from, k & 7, out var tics);
                jumpTics = tics;
                return landing;
        }
    }

    /// <summary>After solid things went (barrels shot): the steps out of and into the cells they freed; every jump again.</summary>
    public void CellsFreed(List<int> cells)
    {
        Jumps.ForgetAll();
        Climbs.ForgetAll();
        foreach (var c in cells)
        {
            UpdateMoveMask(c);
            for (var d = 0; d < 8; d++)
            {
                UpdateMoveMask(c + _grid.Offsets[d]);
            }
        }
    }

    /// <summary>After a sector moved: the steps out of and into every cell touching it.</summary>
    public void SectorMoved(int sector)
    {
        // Both kinds of jump share the cells their flights pass over: a move under one may take it away.
        Jumps.Forget();
        Climbs.SectorMoved(sector);
        _flights.SectorMoved(sector);
        foreach (var c in _grid.CellsOfSector(sector))
        {
            UpdateMoveMask(c);
            for (var d = 0; d < 8; d++)
            {
                var n = c + _grid.Offsets[d];
                if (n > 0 && n < _grid.Count)
                {
                    UpdateMoveMask(n);
                }
            }
        }
    }

    // A step lost means the reachable sets must be searched again; steps gained only grow them.
    private void UpdateMoveMask(int c)
    {
        var mask = 0;
        _grid.UpdateCreeps(c, _state.Heights);
        if (_grid.Blocked[c] == NavGrid.Free)
        {
            for (var d = 0; d < 8; d++)
            {
                // A coarse grid's diagonal squeezed between two cells the body cannot pass is taken only where the
                // box half way fits: a corridor at 45 degrees, not a gap between two corners.
                if (_grid.CanMoveEither(c, c + _grid.Offsets[d]) && (!_grid.Squeezed(c, d) || _grid.FitsHalfWay(c, d, _state.Heights)))
                {
                    mask |= 1 << d;
                }
            }
        }

        var old = _moveMask[c];
        if (old == mask)
        {
            return;
        }

        if ((old & ~mask) != 0)
        {
            _changes.Stale = true;
        }
        else
        {
            _changes.Grown.Add(c);
        }

        _moveMask[c] = (byte)mask;
    }
}
