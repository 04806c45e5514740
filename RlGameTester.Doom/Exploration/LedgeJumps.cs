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

    // The highest ledge a jump reaches: the feet top out at 36 (8 + 7 + ... + 1), and step 24 more.
    private const int MaxClimb = (JumpSpeed * (JumpSpeed + 1) / 2) + NavGrid.MaxStepUp;

    // The coarsest grid whose cell a tic is no faster than Doom's run (16.67 units a tic).
    private const double MaxCellSize = 16;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly StepGraph _steps;
    private readonly FlightCells _flights;
    private readonly bool _allowed;

    // For each cell and straight direction, how many steps of level floor lie ahead of it (up to AirTics): the straight
    // stretch a flight may cross before the ledge. Packed with the generation it was found in (a sector moved since:
    // look again), and found once for a whole stretch: the searches ask every cell they reach, again after every move,
    // and in open rooms every cell has a long stretch ahead that each of its neighbours shares but one.
    private const int StretchBits = 5;
    private int[]? _stretch;
    private int _generation = 1;

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
        if (!_allowed || (direction & 1) != 0 || _grid.Blocked[from] != NavGrid.Free || _grid.Floor1[from] != _grid.Floor0[from])
        {
            return -1;
        }

        // The ledge is the cell after the stretch: the flight's last tic moves onto it, more than a step up and within a
        // jump's reach (36 up, then a step) of the floor.
        var stretch = Stretch(from, direction);
        var rise = stretch < AirTics ? _grid.Floor0[from + ((stretch + 1) * _grid.Offsets[direction])] - _grid.Floor0[from] : 0;
        if (rise <= NavGrid.MaxStepUp || rise > MaxClimb)
        {
            return -1;
        }

        tics = Fly(from, direction, stretch + 1);
        if (tics == 0)
        {
            return -1;
        }

        _flights.Mark(from, direction, tics);
        return from + (tics * _grid.Offsets[direction]);
    }

    /// <summary>
    /// A sector moved: the stretches that reach its cells are looked at again (those of cells up to a flight behind them;
    /// a stretch depends only on the cells it runs over and the one after).
    /// </summary>
    public void SectorMoved(int sector)
    {
        if (_stretch is null)
        {
            return;
        }

        foreach (var moved in _grid.CellsOfSector(sector))
        {
            for (var d = 0; d < 8; d += 2)
            {
                var offset = _grid.Offsets[d];
                for (var k = 0; k <= AirTics + 1; k++)
                {
                    var c = moved - (k * offset);
                    if (c >= 0 && c < _grid.Count)
                    {
                        _stretch[(c * 4) + (d / 2)] = 0;
                    }
                }
            }
        }
    }

    /// <summary>The grid changed (solid things went): every climb is traced again.</summary>
    public void ForgetAll()
    {
        // The generation shares an int with a stretch: start over long before it would run out of bits.
        if (++_generation >= 1 << (30 - StretchBits))
        {
            _generation = 1;
            _stretch = null;
        }
    }

    // Steps of level floor ahead of a cell, at most AirTics: each free, at the cell's floor (no lift), a step the body
    // takes, over no walk-over line (Doom sets one off on the tic it is crossed, the walker when the jump lands).
    private int Stretch(int from, int direction)
    {
        _stretch ??= new int[_grid.Count * 4];
        var offset = _grid.Offsets[direction];
        var slot = direction / 2;

        // Walk on to the end of the stretch or to a cell already known (the grid's edge is never free, so this ends),
        // then fill in every cell walked: the whole line is known after one look.
        var c = from;
        var walked = 0;
        int end;
        while (true)
        {
            var entry = _stretch[(c * 4) + slot];
            if (entry >> StretchBits == _generation)
            {
                end = entry & ((1 << StretchBits) - 1);
                break;
            }

            if (!LevelStep(c, direction))
            {
                end = 0;
                break;
            }

            c += offset;
            walked++;
        }

        for (var k = walked; k >= 0; k--)
        {
            _stretch[((from + (k * offset)) * 4) + slot] = (_generation << StretchBits) | Math.Min(AirTics, end + walked - k);
        }

        return Math.Min(AirTics, end + walked);
    }

    private bool LevelStep(int c, int direction)
    {
        var next = c + _grid.Offsets[direction];
        var floor = _grid.Floor0[c];
        return _grid.Floor1[c] == floor && _grid.Blocked[next] == NavGrid.Free && _grid.Floor0[next] == floor && _grid.Floor1[next] == floor
            && _steps.CanStep(c, direction) && _model.Crossings(c, direction) is null;
    }

    // The flight from the take-off to the ledge, which the move of tic ledgeTic reaches; ledgeTic, or 0 when the body
    // cannot get onto it. Feet relative to the take-off floor, tic by tic: the tic's move is made at the height the feet
    // had when it began (P_XYMovement comes before P_ZMovement), then the feet move, stopped by the ceiling (P_ZMovement).
    private int Fly(int from, int direction, int ledgeTic)
    {
        var floor = _grid.Floor0[from];
        var offset = _grid.Offsets[direction];
        double z = 0, speed = JumpSpeed;
        var c = from;
        for (var tic = 1; tic < ledgeTic; tic++)
        {
            c += offset;
            if (_grid.Ceiling[c] - (floor + z) < NavGrid.BodyHeight)
            {
                return 0;
            }

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
                return 0;
            }
        }

        // The ledge: more than a step above the take-off floor, within a step of the feet, room to stand and for the head
        // on the way in, no teleport or exit line on the step, and the feet at or under it after this tic's rise, so the
        // body lands on it now.
        var ledge = c + offset;
        var rise = _grid.Floor0[ledge] - floor;
        var ok = _grid.Blocked[ledge] == NavGrid.Free && _grid.Floor1[ledge] == _grid.Floor0[ledge] && !_model.StopsJumps(c, direction)
            && rise > NavGrid.MaxStepUp && rise - z <= NavGrid.MaxStepUp && z + speed <= rise
            && _grid.Ceiling[ledge] - (floor + z) >= NavGrid.BodyHeight && _grid.Ceiling[ledge] - _grid.Floor0[ledge] >= NavGrid.BodyHeight;
        return ok ? ledgeTic : 0;
    }
}
