namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Running jumps: a body that runs off a ledge keeps its speed in the air (Doom applies neither thrust nor friction
/// while airborne) and falls as P_ZMovement lets it (2 units the first tic it falls, one more each tic after), so it
/// can cross a pit onto a far ledge lower than, or at most 24 units above, where it is by then.
/// With <see cref="OffLifts"/>, a called lift is floor to run on, take off from and land on at the height it rests at
/// (Hacx 2 MAP10: off the bridge lift the level called on the way in, over a strip of pit as wide as the body, back onto
/// the west ledge); the walker waits for such lifts to be back at rest before it jumps, and the validator replays their
/// cycles.
/// </summary>
internal sealed class JumpPlanner
{
    // Doom's run: thrust 50 * 2048 / 65536 units a tic, friction 0xE800 / 0x10000 on the ground.
    private const double RunThrust = 50.0 * 2048 / 65536;
    private const double GroundFriction = 0xE800 / 65536.0;
    private const double MaxRunUp = 1024;
    private const double MaxJumpLength = 768;

    private readonly LevelModel _model;
    private readonly NavGrid _grid;
    private readonly StepGraph _steps;
    private readonly SectorHeights _heights;

    // Landing cell (or -1) and air time in tics, per cell * 8 + direction, until some sector moves.
    private readonly Dictionary<int, (int Landing, double Tics)> _jumps = [];

    // The same for two jumps in a row (see Chained).
    private readonly Dictionary<int, (int Landing, double Tics)> _chains = [];

    private readonly FlightCells _flights;

    public JumpPlanner(LevelModel model, StepGraph steps, FlightCells flights, SectorHeights heights)
    {
        _model = model;
        _grid = model.Grid;
        _steps = steps;
        _flights = flights;
        _heights = heights;
    }

    /// <summary>
    /// Where a running jump from <paramref name="from"/> in <paramref name="direction"/> lands, when it crosses lower
    /// floor onto floor that walking could not reach from there; else -1. The run-up is the straight stretch of level
    /// floor behind the ledge; no jump crosses a teleport or exit line. The lower floor may be a shallow dip: Doom checks
    /// only where a move ends, so a body that runs over a strip of lower floor keeps its height and steps onto a ledge
    /// up to 24 above it, which is more than 24 above the strip (E3M3's 32-unit gap between two ledges over a pit).
    /// </summary>
    public int Jump(int from, int direction, out double tics)
    {
        tics = 0;
        if (!IsLedge(from, direction, out var z0))
        {
            return -1;
        }

        var key = (from * 8) + direction;
        if (_jumps.TryGetValue(key, out var known))
        {
            tics = known.Tics;
            return known.Landing;
        }

        var landing = Trace(from, direction, z0, out tics);
        _jumps[key] = (landing, tics);
        return landing;
    }

    /// <summary>
    /// Where two running jumps in a row from <paramref name="from"/> in <paramref name="direction"/> land: the first
    /// comes down on floor the body runs straight on, level or climbing, to a second ledge it runs off at the speed it
    /// landed with (Doom keeps momx/momy on landing, and the run on keeps it up). A platform too short for a standing
    /// run-up is crossed this way (freedoom2 MAP13: off a 160-unit ledge onto a 96-unit pillar in the pit, and on off the
    /// pillar onto the far ledge at 64). -1 when there is no such second jump.
    /// </summary>
    public int Chained(int from, int direction, out double tics)
    {
        tics = 0;
        var first = Jump(from, direction, out var firstTics);
        if (first < 0)
        {
            return -1;
        }

        var key = (from * 8) + direction;
        if (_chains.TryGetValue(key, out var known))
        {
            tics = known.Tics;
            return known.Landing;
        }

        var landing = TraceOn(from, first, direction, firstTics, out tics);
        _chains[key] = (landing, tics);
        return landing;
    }

    /// <summary>
    /// Whether called lifts count as floor at the height they rest at (see the class summary). Off until the agent has
    /// nothing else to do: a way more opens parts of a level in another order, and freedoom2 MAP21's agent, let jump off
    /// a lift from the start, crossed a walk-over line there that shut its way to the exit.
    /// </summary>
    public bool OffLifts { get; private set; }

    /// <summary>Turns <see cref="OffLifts"/> on: every jump is traced again.</summary>
    public void AllowOffLifts()
    {
        OffLifts = true;
        ForgetAll();
    }

    /// <summary>How far a body has fallen after some tics in the air (P_ZMovement: 0, 2, 5, 9... after 1, 2, 3, 4).</summary>
    public static int FallAfter(int tics) => tics < 1 ? 0 : (tics * (tics + 1) / 2) - 1;

    /// <summary>The grid changed: every jump is traced again.</summary>
    public void ForgetAll()
    {
        _jumps.Clear();
        _chains.Clear();
    }

    /// <summary>Sectors moved: jumps are traced again (whether one over a moved sector is gone is <see cref="FlightCells"/>' to say).</summary>
    public void Forget()
    {
        _jumps.Clear();
        _chains.Clear();
    }

    private int Trace(int from, int direction, int z0, out double tics)
    {
        tics = 0;
        var offset = _grid.Offsets[direction];
        var length = StepLength(direction);

        // The run-up: steps towards the ledge, level or climbing (a step up moves the body up at once and leaves its
        // momentum as it was: P_TryMove sets z, P_XYMovement keeps momx/momy), so a run up a staircase counts whole.
        var runUp = 0;
        var maxRunUp = (int)(MaxRunUp / length);
        for (var b = from - offset; runUp < maxRunUp && RunsOn(b, direction); b -= offset)
        {
            runUp++;
        }

        var speed = RunSpeedAfter(runUp * length);
        if (speed <= 1)
        {
            return -1;
        }

        var landing = Fly(from, direction, z0, speed, out var cells);
        if (landing < 0)
        {
            return -1;
        }

        tics = cells * length / speed;
        _flights.Mark(from, direction, cells);
        return landing;
    }

    // The second jump of a chain: the run on from the first landing to the next ledge, then the flight off it.
    private int TraceOn(int from, int first, int direction, double firstTics, out double tics)
    {
        tics = 0;
        var offset = _grid.Offsets[direction];
        var length = StepLength(direction);
        var flown = CellsBetween(from, first, offset);
        var speed = flown * length / firstTics;
        var ledge = first;
        var run = 0;
        var maxRun = (int)(MaxRunUp / length);
        int z0;
        while (!IsLedge(ledge, direction, out z0))
        {
            if (run++ >= maxRun || !RunsOn(ledge, direction) || _model.StopsJumps(ledge, direction))
            {
                return -1;
            }

            ledge += offset;
        }

        var landing = Fly(ledge, direction, z0, speed, out var cells);
        if (landing < 0)
        {
            return -1;
        }

        var total = flown + run + cells;
        tics = total * length / speed;
        _flights.Mark(from, direction, total);
        return landing;
    }

    // A running step: from level floor onto level floor, the same height or up a step (the body keeps its speed).
    private bool RunsOn(int c, int direction)
    {
        var next = c + _grid.Offsets[direction];
        return _steps.CanStep(c, direction) && StandsAt(c) is { } here && StandsAt(next) is { } there &&
            there - here is >= 0 and <= NavGrid.MaxStepUp;
    }

    // A cell's floor for a jump: level floor, or with jumps off lifts the floor it has with the lifts under it at rest.
    private int? FloorOf(int c) =>
        _grid.Floor0[c] == _grid.Floor1[c] ? _grid.Floor0[c] : OffLifts ? _grid.FloorAtRest(c, _heights) : null;

    // The floor a body runs on in a cell. Over a lift, only if the body fits under the ceiling there at rest: a lift that
    // would rise into the body stops and goes back down (EV_DoPlat's crush check), so it never gets there with it.
    private int? StandsAt(int c) =>
        FloorOf(c) is { } floor && (_grid.Floor0[c] == _grid.Floor1[c] || _grid.Ceiling[c] - floor >= NavGrid.BodyHeight) ? floor : null;

    // The length of a step between cell centres: a cell, or its diagonal.
    private double StepLength(int direction) => (direction & 1) == 0 ? _grid.CellSize : _grid.CellSize * Math.Sqrt(2);

    // A ledge in a direction: level floor the body can step off onto lower floor (z0: its height).
    private bool IsLedge(int c, int direction, out int z0)
    {
        z0 = 0;
        if (!_steps.CanStep(c, direction) || StandsAt(c) is not { } floor)
        {
            return false;
        }

        var next = c + _grid.Offsets[direction];
        z0 = floor;
        return _grid.Floor0[next] < z0 && _grid.Floor1[next] < z0;
    }

    private static int CellsBetween(int from, int to, int offset) => (to - from) / offset;

    // The flight off a ledge at a speed: the cell it comes down on and how many cells on that is, or -1 when it
    // meets a wall, a step it cannot clear, a ceiling, a teleport or exit line, or no floor it can stand on.
    private int Fly(int ledge, int direction, int z0, double speed, out int cells)
    {
        cells = 0;
        var offset = _grid.Offsets[direction];
        var length = StepLength(direction);
        var minFloor = int.MaxValue;
        var c = ledge;
        var maxCells = (int)(MaxJumpLength / length);
        for (var i = 1; i <= maxCells; i++)
        {
            if (_model.StopsJumps(c, direction))
            {
                return -1;
            }

            if (!_grid.ClearHalfWay(c, direction))
            {
                return -1;
            }

            c += offset;
            if (_grid.Blocked[c] != NavGrid.Free || FloorOf(c) is not { } floor)
            {
                return -1;
            }

            // Air time when the box reaches this cell, counted from the tic it left the ledge; z falls 0, 2, 5, 9...
            var fallTics = (int)Math.Ceiling(((i - 1) * length / speed) - 1e-9);
            var z = z0 - FallAfter(fallTics);
            var ceiling = _grid.Ceiling[c];
            if (ceiling - floor < NavGrid.BodyHeight || ceiling - Math.Max(z, floor) < NavGrid.BodyHeight || floor - z > NavGrid.MaxStepUp)
            {
                return -1;
            }

            if (floor >= z)
            {
                if (i < 2 || floor - NavGrid.MaxStepUp <= minFloor)
                {
                    return -1;
                }

                cells = i;
                return c;
            }

            minFloor = Math.Min(minFloor, floor);
            if (z0 - z > 1024)
            {
                return -1;
            }
        }

        return -1;
    }

    // Distance a tic at full run after a straight run-up from standing: each tic adds the thrust, friction takes its share.
    private static double RunSpeedAfter(double runUp)
    {
        double momentum = 0, travelled = 0, step = 0;
        for (var tic = 0; tic < 200 && travelled < runUp; tic++)
        {
            step = momentum + RunThrust;
            travelled += step;
            momentum = step * GroundFriction;
        }

        return step;
    }
}
