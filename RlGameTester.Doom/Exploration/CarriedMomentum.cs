namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The part of the body's momentum a carrying floor gave it: each tic on the ground friction keeps 29/32 of it and the
/// floors under the box add 3/32 of their carry, so it builds towards the floor's carry and fades off it. Doom moves the
/// body by this plus what the player's own thrust gives; the walker picks each step's speed so that the thrust part
/// stays within a run.
/// </summary>
internal sealed class CarriedMomentum
{
    // The player's own part of a move: a hair under the walker's run, so the validator's box, which is not the
    // walker's cell, finds the same floors or close.
    private const double Thrust = Walker.Speed - 0.5;

    private readonly CarryingFloors _floors;
    private readonly NavGrid _grid;
    private readonly SectorHeights _heights;

    // The feet as P_ZMovement moves them: off a step down the body falls for some tics, and in the air friction keeps
    // all of the momentum (a body carried off a conveyor's edge takes its drift further than on the flat).
    private double _feet = double.NegativeInfinity;
    private double _fall;

    public CarriedMomentum(CarryingFloors floors, NavGrid grid, SectorHeights heights)
    {
        _floors = floors;
        _grid = grid;
        _heights = heights;
    }

    public double X { get; private set; }

    public double Y { get; private set; }

    /// <summary>Teleports and spawns start the body at rest.</summary>
    public void Stop()
    {
        X = 0;
        Y = 0;
        _feet = double.NegativeInfinity;
    }

    /// <summary>One tic at a cell: on the ground friction takes its share and the floors add their push; in the air (a fall, a running jump) nothing changes.</summary>
    public void Tick(int cell, bool jumping)
    {
        if (!_floors.Any || Falls(Math.Min(_grid.Floor0[cell], _grid.Floor1[cell])) || jumping)
        {
            return;
        }

        var (cx, cy) = At(cell);
        X = (X * CarryingFloors.Friction) + (cx * (1 - CarryingFloors.Friction));
        Y = (Y * CarryingFloors.Friction) + (cy * (1 - CarryingFloors.Friction));
        if (Math.Abs(X) < 1e-3 && Math.Abs(Y) < 1e-3)
        {
            Stop();
        }
    }

    // Gravity: 2 units the first tic in the air, 1 more each tic after. True while the feet are above the floor.
    private bool Falls(double floor)
    {
        var next = _feet - _fall;
        if (next <= floor)
        {
            _feet = floor;
            _fall = 0;
            return false;
        }

        _feet = next;
        _fall = _fall == 0 ? 2 : _fall + 1;
        return true;
    }

    /// <summary>
    /// The speed of a step from one cell to the next in the unit direction (dx, dy): what the carried momentum may be
    /// during the step lies between now and the carry of either cell, and against each the player's part stays under
    /// a run. 0 when no speed does (a floor carrying the body faster than it runs, the other way).
    /// </summary>
    public double StepSpeed(int from, int to, double dx, double dy)
    {
        if (!_floors.Any)
        {
            return Walker.Speed;
        }

        var (fx, fy) = At(from);
        var (tx, ty) = At(to);
        if (X == 0 && Y == 0 && fx == 0 && fy == 0 && tx == 0 && ty == 0)
        {
            return Walker.Speed;
        }

        double low = 0, high = double.MaxValue;
        foreach (var (qx, qy) in (ReadOnlySpan<(double, double)>)[(X, Y), (fx, fy), (tx, ty)])
        {
            // |s * d - q| <= Thrust: s within along +- sqrt(Thrust^2 - |q|^2 + along^2).
            var along = (dx * qx) + (dy * qy);
            var room = (Thrust * Thrust) - ((qx * qx) + (qy * qy)) + (along * along);
            if (room < 0)
            {
                return 0;
            }

            low = Math.Max(low, along - Math.Sqrt(room));
            high = Math.Min(high, along + Math.Sqrt(room));
        }

        return high >= low && high >= 1 ? high : 0;
    }

    /// <summary>
    /// The carry of the floors under the body's box at a cell: those at the feet's height (Boom carries what stands on
    /// the floor, not above it). The feet are on the highest floor under the box unless <paramref name="feet"/> says
    /// otherwise (a thing spawns on its centre's floor).
    /// </summary>
    public (double X, double Y) At(int cell, double? feet = null)
    {
        var z = feet ?? Math.Min(_grid.Floor0[cell], _grid.Floor1[cell]);
        double x = 0, y = 0;
        foreach (var sector in _grid.SectorsTouched(cell))
        {
            if (_floors.Carries(sector) && Math.Max(_heights.FloorLow[sector], _heights.FloorHigh[sector]) >= z)
            {
                var (sx, sy) = _floors.Steady(sector);
                x += sx;
                y += sy;
            }
        }

        return (x, y);
    }
}
