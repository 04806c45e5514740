using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Plans the agent's next trip: a Dijkstra search (a bucket queue) from the body to the nearest cell that meets a
/// goal. Damaging floors cost more, paths whose expected damage would kill are refused, and looking around may spend
/// only half the health. The seed orders the directions each search tries, which breaks ties between equal paths.
/// </summary>
internal sealed class TripSearch
{
    private const int OrthogonalCost = 10;
    private const int DiagonalCost = 14;
    private const int DamagePenalty = 40;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly LevelState _state;
    private readonly Body _body;
    private readonly StepGraph _steps;
    private readonly Reachability _reach;
    private readonly ExitSpots _exits;
    private readonly VisitedBlocks _visited;
    private readonly BossRules _bosses;
    private readonly LineTraces _traces;
    private readonly MoveForecast _forecast;
    private readonly LiftTimes _lifts;
    private readonly int[] _directionOrder = new int[8];

    // The ring must be larger than the costliest step (a lift wait on a damaging floor: 1400 + 54).
    private readonly BucketQueue _buckets = new(4096);
    private readonly int[] _searchStamp;
    private readonly int[] _distance;
    private readonly int[] _parent;
    private readonly sbyte[] _parentDirection;
    private readonly double[] _hurt;
    // Cells where progress can be made at all (keys, action lines), as a list and as a mask: a search asks every cell
    // it pops, and most have nothing.
    private readonly int[] _progressCells;
    private readonly bool[] _isProgressCell;
    // What the lines called again as a last resort did (the move and its sectors): a lift with a switch on each of its
    // eight edges is one call, not eight (JAMP2 MAP02 spent its eight recalls, 1300 tics, pressing each in turn).
    private readonly HashSet<(SectorMove? Move, string Sectors)> _recalled = [];
    private int _searchGeneration;

    public TripSearch(LevelModel model, LevelState state, Body body, StepGraph steps, Reachability reach, ExitSpots exits, VisitedBlocks visited, BossRules bosses, LineTraces traces, LiftTimes lifts, int seed)
    {
        _lifts = lifts;
        _traces = traces;
        _forecast = new MoveForecast(model, state);
        _model = model;
        _grid = model.Grid;
        _state = state;
        _body = body;
        _steps = steps;
        _reach = reach;
        _exits = exits;
        _visited = visited;
        _bosses = bosses;
        var rotation = ((seed % 8) + 8) % 8;
        var reverse = ((seed >> 3) & 1) == 1;
        for (var i = 0; i < 8; i++)
        {
            _directionOrder[i] = reverse ? (rotation + 8 - i) & 7 : (rotation + i) & 7;
        }

        _searchStamp = new int[_grid.Count];
        _distance = new int[_grid.Count];
        _parent = new int[_grid.Count];
        _parentDirection = new sbyte[_grid.Count];
        _hurt = new double[_grid.Count];
        (_progressCells, _isProgressCell) = ProgressCells();
    }

    /// <summary>The nearest cell meeting the goal, or null when there is none; <see cref="PathTo"/> then gives the way.</summary>
    public TripTarget? Search(TripGoal goal, bool requireReturn)
    {
        if (goal == TripGoal.ProgressOrExploreTowardsExit)
        {
            _reach.EnsureExitReturn();
        }

        // A search for progress that nothing anywhere could meet would visit every cell in reach to find nothing.
        if (goal is TripGoal.Progress or TripGoal.Rearmed && !AnyProgress(goal, requireReturn))
        {
            return null;
        }

        var start = _body.Cell;
        var allowExit = goal is TripGoal.NormalExit or TripGoal.SecretExit;
        _searchGeneration++;
        _buckets.Clear();
        _searchStamp[start] = _searchGeneration;
        _distance[start] = 0;
        _parent[start] = -1;
        _hurt[start] = 0;
        var protectedUntil = _body.ProtectedUntil;

        // Keys, switches and the exit are worth most of the health; a look around or an item is worth half of it.
        var budget = goal is TripGoal.Explore or TripGoal.ProgressOrExploreTowardsExit ? (_body.Health / 2) - 10 : _body.Health - 10;
        _buckets.Push(start, 0);
        while (_buckets.TryPop(out var c, out var cost))
        {
            if (cost != _distance[c])
            {
                continue;
            }

            if ((!requireReturn || _reach.InReturn(c)) && Matches(c, goal, allowExit) is { } target)
            {
                return target;
            }

            var here = _grid.CenterSector[c];
            var hurtHere = _state.IsDamaging(here);
            for (var k = 0; k < StepGraph.Moves; k++)
            {
                var d = _directionOrder[k & 7];
                var next = _steps.Next(c, (k & ~7) + d, allowExit, out var jumpTics);
                if (next < 0)
                {
                    continue;
                }

                var stepCost = k >= 8 ? (int)Math.Ceiling(jumpTics * 20)
                    : next != c + _grid.Offsets[d] ? OrthogonalCost + (Walker.TeleportFreezeTics * 20)
                    : (d & 1) == 1 ? DiagonalCost
                    : _grid.IsCreepEither(c, next) ? (int)Math.Ceiling(_grid.CellSize / NavGrid.CreepSpeed * 20) : OrthogonalCost;

                // Damage expected on the way (hp per step at running speed, and while waiting for a lift on a damaging
                // floor): paths that would kill are not taken.
                var sector = _grid.CenterSector[next];
                var damage = _hurt[c];
                if (hurtHere && next == c + _grid.Offsets[d] && _grid.CanMove(c, next, 0) != _grid.CanMove(c, next, 1))
                {
                    var wait = _lifts.Wait(c, next, _body.Clock + (cost / 20.0), _body);
                    damage += _state.DamageOf(here) * wait / 32.0;
                    stepCost += (int)Math.Ceiling(wait * 20);
                }

                if (_state.IsDamaging(sector))
                {
                    stepCost += DamagePenalty;
                    if (_body.LastTick + (cost / 20) >= protectedUntil || _state.EndsLevel(sector))
                    {
                        damage += _state.DamageOf(sector) * _grid.CellSize / Walker.Speed / 32;
                        // A trip that must come back pays the way there twice (MAP29: a switch across the nukage took 80
                        // of its health, and nothing was in reach after).
                        if ((requireReturn ? 2 * damage : damage) >= budget && !(allowExit && _state.EndsLevel(sector)))
                        {
                            continue;
                        }
                    }
                }

                var total = cost + stepCost;
                if (_searchStamp[next] != _searchGeneration || total < _distance[next])
                {
                    _searchStamp[next] = _searchGeneration;
                    _distance[next] = total;
                    _parent[next] = c;
                    _parentDirection[next] = (sbyte)d;
                    _hurt[next] = damage;
                    _buckets.Push(next, total);
                }
            }
        }

        return null;
    }

    /// <summary>The cells and step directions of the last search's way to <paramref name="goal"/>.</summary>
    public List<(int Cell, int Direction)> PathTo(int goal)
    {
        var path = new List<(int, int)>();
        for (var c = goal; c != _body.Cell; c = _parent[c])
        {
            path.Add((c, _parentDirection[c]));
        }

        path.Reverse();
        return path;
    }

    // The search's own test at every cell where progress can be made at all (keys, action lines), without the search.
    private bool AnyProgress(TripGoal goal, bool requireReturn)
    {
        foreach (var c in _progressCells)
        {
            if ((!requireReturn || _reach.InReturn(c)) && ProgressAt(c, goal) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private (int[] Cells, bool[] Mask) ProgressCells()
    {
        var cells = new List<int>();
        var mask = new bool[_grid.Count];
        for (var c = 0; c < _grid.Count; c++)
        {
            if (_model.UseLines[c].Length > 0 || _model.GunLines[c].Length > 0 || _model.CrossMask[c] != 0 || HasKey(c))
            {
                cells.Add(c);
                mask[c] = true;
            }
        }

        return ([.. cells], mask);
    }

    private bool HasKey(int c)
    {
        foreach (var thing in _model.Pickups[c])
        {
            if (IsKey(thing))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsKey(int thing) => _model.Items[thing] is { Key: not DoomKeys.None };

    private TripTarget? Matches(int c, TripGoal goal, bool allowExit) => goal switch
    {
        TripGoal.Progress or TripGoal.Rearmed => ProgressAt(c, goal),
        TripGoal.Explore => ExploreAt(c),
        TripGoal.ProgressOrExploreTowardsExit => _reach.InExitReturn(c) ? ProgressAt(c, goal) ?? ExploreAt(c) : null,
        TripGoal.Barrel => _state.Barrels.ShotAt(c) is { } barrel ? new TripTarget(c, TargetKind.Barrel, barrel) : null,
        _ => _exits.At(c, goal == TripGoal.SecretExit, allowExit),
    };

    private TripTarget? ProgressAt(int c, TripGoal goal)
    {
        if (!_isProgressCell[c])
        {
            return null;
        }

        foreach (var thing in _model.Pickups[c])
        {
            if (goal != TripGoal.Rearmed && !_state.Taken[thing] && IsKey(thing) && _state.Touches(c, thing))
            {
                return new TripTarget(c, TargetKind.Pickup, thing);
            }
        }

        foreach (var line in _model.UseLines[c])
        {
            if (Wanted(line, goal) && _traces.CanUse(c, line))
            {
                return new TripTarget(c, TargetKind.Use, line);
            }
        }

        foreach (var line in _model.GunLines[c])
        {
            if (Wanted(line, goal) && _traces.CanShoot(c, line))
            {
                return new TripTarget(c, TargetKind.Gun, line);
            }
        }

        if (_model.CrossMask[c] != 0)
        {
            for (var d = 0; d < 8; d++)
            {
                var crossed = _model.Crossings(c, d);
                if (crossed is null)
                {
                    continue;
                }

                foreach (var (line, _) in crossed)
                {
                    if (Wanted(line, goal) && _steps.Step(c, d, allowExit: false) >= 0)
                    {
                        return new TripTarget(c, TargetKind.Cross, d);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The last resort (see <see cref="ExplorationRun"/>): repeatable lines count as wanted again, used or not, when they
    /// would move something now. A lift the body rode went back up, and only its line brings it down again; a bridge that
    /// a trigger sank is raised again only by the switch that raised it first (freedoom2 MAP28's sector 388).
    /// </summary>
    public bool Recalling { get; set; }

    /// <summary>Marks what the lines of a target reached do as called again: each move of the same sectors is called again once a run.</summary>
    public void RecordRecall(TripTarget target)
    {
        foreach (var line in LinesOf(target))
        {
            if (_model.Actions[line] is { } action)
            {
                _recalled.Add(RecallKey(action));
            }
        }
    }

    // Lines worth going to: those that open or move something not already where they would leave it, and crushers on a
    // level a crushed boss ends. A line called again once and still needed would be called in a loop.
    private bool Wanted(int line, TripGoal goal) =>
        _model.Actions[line] is { } action && (action.Keys is null || action.Keys.IsSatisfiedBy(_body.Keys)) &&
        ((!_state.Activated[line] && InTurn(line, goal) &&
          ((action.Progress ? _forecast.Moves(action) : _forecast.Opens(action)) || (action.Crusher && _bosses.ExitTypes.Count > 0) || Unblocks(action))) ||
         (Recalling && action.Repeatable && (action.Move is { Kind: MoveKind.Cycle } || (action.Progress && _forecast.Moves(action))) &&
          !_recalled.Contains(RecallKey(action))));

    // A gate or force field it opens (Line_SetBlocking): worth going to, as a door is.
    private bool Unblocks(LineAction action) =>
        action.Blocking.Any(change => _model.LinesWithId(change.LineId).Any(line => _grid.Opens(line, change)));

    // A line a shut move re-armed waits for its own goal, tried only when the exit is out of reach (LevelState.Rearmed).
    private bool InTurn(int line, TripGoal goal) => goal == TripGoal.Rearmed ? _state.Rearmed[line] : !_state.Rearmed[line];

    private static (SectorMove? Move, string Sectors) RecallKey(LineAction action) => (action.Move, string.Join(',', action.Sectors));

    private IEnumerable<int> LinesOf(TripTarget target) => target.Kind switch
    {
        TargetKind.Use or TargetKind.Gun => [target.Aux],
        TargetKind.Cross => (_model.Crossings(target.Cell, target.Aux) ?? []).Select(crossing => crossing.Line),
        _ => [],
    };

    private TripTarget? ExploreAt(int c)
    {
        foreach (var thing in _model.Pickups[c])
        {
            if (!_state.Done[thing] && _state.Touches(c, thing))
            {
                return new TripTarget(c, TargetKind.Pickup, thing);
            }
        }

        // Damaging floors are crossed when needed, not toured.
        return _visited.IsVisited(c) || _state.IsDamaging(_grid.CenterSector[c]) ? null : new TripTarget(c, TargetKind.Coverage, 0);
    }
}
