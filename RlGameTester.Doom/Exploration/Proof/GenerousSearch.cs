namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// A search over the <see cref="GenerousWorld"/>: steps, teleports and running jumps (32 directions, at up to a
/// full run's speed, falling as P_ZMovement lets a body fall). Each cell keeps the highest a body may stand there
/// (the floor of a sector it may touch that it can climb onto from where it came), and is searched again when that
/// rises. What it cannot reach from a cell, no player can.
/// </summary>
internal sealed class GenerousSearch
{
    /// <summary>
    /// A player's full run: thrust 50 * 2048 / 65536 a tic against ground friction 0xE800 gives 16.67 units a tic.
    /// Straferunning (up to 23.6) and the other speedrun tricks are left out on purpose: a level only they finish is one
    /// a level designer wants to hear about.
    /// </summary>
    public const double MaxAirSpeed = 50.0 * 2048 / 65536 / (1 - (0xE800 / 65536.0));
    private const double MaxJumpLength = 1024;
    private const int JumpDirections = 32;

    private readonly GenerousWorld _world;
    private readonly NavGrid _grid;
    private readonly int[] _stamp;
    private readonly int[] _height;
    private readonly int[] _steady;
    private readonly bool[] _queued;
    // Every visit that raised a cell's height, in order, each naming the visit it came from: a cell's way is the chain
    // of the visit that gave it its height, not of its first visit (which may have been lower, by another way).
    private readonly List<ProofMove> _moves = [];
    private readonly List<int> _moveParent = [];
    private readonly int[] _lastMove;
    private readonly Queue<int> _queue = new();
    private readonly CancellationToken _cancellationToken;
    private int _generation;

    public GenerousSearch(GenerousWorld world, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        _world = world;
        _grid = world.Grid;
        _stamp = new int[_grid.Count];
        _height = new int[_grid.Count];
        _steady = new int[_grid.Count];
        _queued = new bool[_grid.Count];
        _lastMove = new int[_grid.Count];
    }

    /// <summary>
    /// Searches from the seeds (a cell and the highest a body there may stand) until a cell meets the goal (given the
    /// cell and the highest a body may stand there), or, with <paramref name="exitCrossings"/>, a step across a walk-over
    /// exit line is taken; returns that cell, or -1 when none can be reached.
    /// </summary>
    public int Search(IEnumerable<(int Cell, int Height)> seeds, Func<int, int, bool> goal, bool exitCrossings = false)
    {
        _generation++;
        foreach (var c in _queue)
        {
            _queued[c] = false;
        }

        _queue.Clear();
        _moves.Clear();
        _moveParent.Clear();
        foreach (var (seed, height) in seeds)
        {
            if (_grid.Blocked[seed] == NavGrid.Free)
            {
                Visit(seed, -1, ProofStep.Seed, height, height);
            }
        }

        for (var popped = 0; _queue.Count > 0; popped++)
        {
            if ((popped & 0xFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            var c = _queue.Dequeue();
            _queued[c] = false;
            if (goal(c, _height[c]))
            {
                return c;
            }

            var (z, steady) = (_height[c], _steady[c]);

            // Where the player can jump, the feet may be that much higher for a step (as far as the ceiling lets them).
            var reach = Math.Max(z, Math.Min(z + _world.JumpHeight, _grid.Ceiling[c] - NavGrid.BodyHeight));
            for (var d = 0; d < 8; d++)
            {
                var n = c + _grid.Offsets[d];
                if (!_world.CanStep(c, n, reach))
                {
                    continue;
                }

                if (Improves(n, reach))
                {
                    var high = _world.StandAt(n, reach, steady, out var moment);
                    Visit(n, c, ProofStep.Walk, high, moment);
                }

                if (exitCrossings && _world.ExitCrossings[c, d] is not null)
                {
                    return Reached(n) ? n : c;
                }

                if (_world.Crossings[c, d] is { } crossed)
                {
                    foreach (var (line, frontToBack) in crossed)
                    {
                        // Doom's teleports act only on a body crossing from the front (EV_Teleport: side 1 does nothing).
                        if (frontToBack || !_world.FrontOnlyTeleports)
                        {
                            Teleport(c, line);
                        }
                    }
                }
            }

            foreach (var line in _world.UseTeleports[c])
            {
                Teleport(c, line);
            }

            foreach (var (landing, high, moment) in Jumps(c, z, steady))
            {
                Visit(landing, c, ProofStep.Jump, high, moment);
            }
        }

        return -1;
    }

    public bool Reached(int c) => _stamp[c] == _generation;

    /// <summary>The moves of the last search's way to a reached cell (at the height it reached it), from its seed.</summary>
    public List<ProofMove> PathTo(int cell)
    {
        var path = new List<ProofMove>();
        for (var m = _lastMove[cell]; m >= 0; m = _moveParent[m])
        {
            path.Add(_moves[m]);
        }

        path.Reverse();
        return path;
    }

    private void Teleport(int from, int line)
    {
        if (!_world.Arrivals.TryGetValue(line, out var arrivals))
        {
            return;
        }

        foreach (var arrival in arrivals)
        {
            var high = _world.StandAt(arrival, int.MaxValue - NavGrid.MaxStepUp, int.MinValue / 2, out _);
            Visit(arrival, from, ProofStep.Teleport, high, high, line);
        }
    }

    // Whether a body coming from a height can stand higher at a cell than the search has it yet (cheaply, before
    // working out how high).
    private bool Improves(int c, int from) =>
        _stamp[c] != _generation || _height[c] < Math.Min(_world.StandHigh(c), from + NavGrid.MaxStepUp);

    // Queues a cell the first time, or again when the body may now stand higher there (steadily, or for a moment).
    private void Visit(int n, int from, ProofStep via, int steady, int height, int teleportLine = -1)
    {
        if (steady == int.MinValue || (_stamp[n] == _generation && _height[n] >= height && _steady[n] >= steady))
        {
            return;
        }

        if (_stamp[n] == _generation)
        {
            (steady, height) = (Math.Max(steady, _steady[n]), Math.Max(height, _height[n]));
        }

        // Moves only ever name earlier moves, so a way is never a loop.
        _moveParent.Add(from < 0 ? -1 : _lastMove[from]);
        _moves.Add(new ProofMove(n, via, height, teleportLine));
        _lastMove[n] = _moves.Count - 1;

        _stamp[n] = _generation;
        _height[n] = height;
        _steady[n] = steady;
        if (!_queued[n])
        {
            _queued[n] = true;
            _queue.Enqueue(n);
        }
    }

    // A running jump leaves a ledge: a free neighbour lower than a step. The body flies straight at up to a full
    // run's speed; it may come down on any cell whose floor it can still step onto, until a wall, a step it
    // cannot clear or a closed sector stops it.
    private List<(int Cell, int High, int Moment)> Jumps(int from, int z0, int steady0)
    {
        var result = new List<(int, int, int)>();
        // A drop is a floor lower than a step even at its highest: a floor that may be higher is walked onto instead.
        var ledge = false;
        for (var d = 0; d < 8 && !ledge; d++)
        {
            var n = from + _grid.Offsets[d];
            ledge = _grid.Blocked[n] == NavGrid.Free && _world.StandHigh(n) < z0 - NavGrid.MaxStepUp;
        }

        if (!ledge)
        {
            return result;
        }

        // Each direction is sampled every half cell, so consecutive cells are neighbours and no wall lies between
        // them unseen; the flight ends at the first cell the box does not fit in.
        double x0 = _grid.X(from), y0 = _grid.Y(from);
        var step = _grid.CellSize / 2;
        // A conveyor's carry adds to the run: the body may leave any ledge that much faster.
        var speed = MaxAirSpeed + _world.Mechanics.Carrying.Fastest;
        for (var k = 0; k < JumpDirections; k++)
        {
            var angle = 2 * Math.PI * k / JumpDirections;
            double dx = Math.Cos(angle), dy = Math.Sin(angle);
            var last = from;
            var offLedge = false;
            for (var distance = step; distance <= MaxJumpLength; distance += step)
            {
                var c = _grid.CellAt(x0 + (dx * distance), y0 + (dy * distance));
                if (c == last)
                {
                    continue;
                }

                // A jump that does not leave the ledge at once is a walk: only directions over a drop are flown.
                if (!offLedge && !(offLedge = _world.StandHigh(c) < z0 - NavGrid.MaxStepUp))
                {
                    break;
                }

                last = c;
                // The flight ends at a wall, a step it cannot clear, or a ceiling the body's head would hit.
                var z = AirHeight(z0, distance, speed);
                if (_grid.Blocked[c] != NavGrid.Free || _grid.Floor0[c] > z + NavGrid.MaxStepUp ||
                    _grid.Ceiling[c] - Math.Max(z, _grid.Floor0[c]) < NavGrid.BodyHeight)
                {
                    break;
                }

                if (Improves(c, z) && _world.StandAt(c, z, AirHeight(steady0, distance, speed), out var moment) is var high && high != int.MinValue)
                {
                    result.Add((c, high, moment));
                }
            }
        }

        return result;
    }

    // Whole tics in the air over a distance, the fewest at the fastest run: the body has fallen 0, 2, 5, 9... units.
    private static int AirHeight(int z0, double distance, double speed)
    {
        var tics = (int)(distance / speed);
        return z0 - (tics <= 1 ? 0 : (tics * (tics + 1) / 2) - 1);
    }
}
