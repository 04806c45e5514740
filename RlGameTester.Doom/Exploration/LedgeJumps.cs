namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The jump of the ZDoom family's ports (where the level lets the player jump, <see cref="Levels.Level.PlayerCanJump"/>):
/// pressed on the ground it gives the body an upward speed of 8 (the Doom player's JumpZ), gravity takes 1 a tic, and
/// P_TryMove lets a body in the air onto floor at most 24 above its feet. The feet rise 8, 15, 21 ... to 36 and come back
/// down by the 17th tic, so a ledge up to 60 above the floor is climbed. The body keeps its run in the air (GZDoom's air
/// control is 1/256 of the thrust), so a climb is a straight run along level floor at one cell a tic, jump pressed as it
/// starts: the body is over the lower floor while its feet rise and moves onto the ledge on the tic they are high
/// enough, landing there that tic. A move is from the take-off cell, as many cells back from the ledge as the climb
/// takes tics; it keeps to the four straight directions, where the box between two cells stays over both. The flight
/// crosses no walk-over line before the ledge (Doom sets one off on the tic the centre crosses it, and the walker sets
/// off what a jump crossed when it lands), and a grid coarser than 16 units has none (a cell a tic is more than a run).
/// </summary>
internal sealed class LedgeJumps
{
    /// <summary>The upward speed a jump gives (JumpZ * 35 / TICRATE for Doom's player).</summary>
    public const int JumpSpeed = 8;

    /// <summary>GZDoom's player.jumpTics: the soonest another jump may be pressed after the last.</summary>
    public const int JumpInterval = 18;

    // The tics until the feet are back at the floor they left: 8 up, 8 down and the tic at the top.
    private const int AirTics = (2 * JumpSpeed) + 1;

    // The coarsest grid whose cell a tic is no faster than Doom's run (16.67 units a tic).
    private const double MaxCellSize = 16;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly StepGraph _steps;
    private readonly FlightCells _flights;
    private readonly bool _allowed;

    // Landing cell (or -1) and air tics, per take-off cell * 4 + straight direction, until some sector moves.
    private readonly Dictionary<int, (int Landing, int Tics)> _climbs = [];

    public LedgeJumps(LevelModel model, StepGraph steps, FlightCells flights)
    {
        _model = model;
        _grid = model.Grid;
        _steps = steps;
        _flights = flights;
        _allowed = _grid.CellSize <= MaxCellSize && model.Level.PlayerCanJump;
    }

    /// <summary>
    /// The ledge a jump from <paramref name="from"/> running in <paramref name="direction"/> lands on, when there is one
    /// more than a step above this floor, and the tics from the take-off to the landing; else -1.
    /// </summary>
    public int Climb(int from, int direction, out int tics)
    {
        tics = 0;
        if (!_allowed || (direction & 1) != 0)
        {
            return -1;
        }

        var key = (from * 4) + (direction / 2);
        if (!_climbs.TryGetValue(key, out var known))
        {
            known.Landing = Trace(from, direction, out known.Tics);
            _climbs[key] = known;
            if (known.Landing >= 0)
            {
                _flights.Mark(from, direction, known.Tics);
            }
        }

        tics = known.Tics;
        return known.Landing;
    }

    /// <summary>Sectors moved or the grid changed: every climb is traced again.</summary>
    public void ForgetAll() => _climbs.Clear();

    // The flight tic by tic, feet relative to the take-off floor: the tic's move is made at the height the feet had when
    // it began (P_XYMovement comes before P_ZMovement), then the feet move, stopped by the ceiling (P_ZMovement).
    private int Trace(int from, int direction, out int tics)
    {
        tics = 0;
        var floor = _grid.Floor0[from];
        if (_grid.Blocked[from] != NavGrid.Free || _grid.Floor1[from] != floor)
        {
            return -1;
        }

        double z = 0, speed = JumpSpeed;
        var c = from;
        for (var tic = 1; tic <= AirTics; tic++)
        {
            var next = c + _grid.Offsets[direction];
            if (_grid.Blocked[next] != NavGrid.Free || _grid.Floor0[next] != _grid.Floor1[next] || _model.CrossesTeleportOrExit(c, direction)
                || _grid.Ceiling[next] - (floor + z) < NavGrid.BodyHeight)
            {
                return -1;
            }

            var rise = _grid.Floor0[next] - floor;
            if (rise != 0)
            {
                // The ledge: more than a step above the take-off floor, within a step of the feet, room to stand, and the
                // feet at or under it after this tic's rise, so the body lands on it now.
                var lands = z + speed <= rise;
                if (rise <= NavGrid.MaxStepUp || rise - z > NavGrid.MaxStepUp || !lands || _grid.Ceiling[next] - _grid.Floor0[next] < NavGrid.BodyHeight)
                {
                    return -1;
                }

                tics = tic;
                return next;
            }

            if (!_steps.CanStep(c, direction) || _model.Crossings(c, direction) is not null)
            {
                return -1;
            }

            c = next;
            z += speed;
            speed--;
            var headroom = _grid.Ceiling[c] - floor - NavGrid.BodyHeight;
            if (z > headroom)
            {
                z = headroom;
                speed = Math.Min(speed, 0);
            }

            if (z <= 0)
            {
                return -1;
            }
        }

        return -1;
    }
}
