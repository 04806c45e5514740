using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Planes on their way: floors going down or up and ceilings going up. The explorer moves sectors at once, but Doom
/// moves a plane its speed a tic (T_MovePlane), and the trajectory validator replays it so: a body that stepped onto a
/// lowered floor or into the opening it makes before it got there, off a raised floor onto a ledge before it was up, or
/// under a rising ceiling before it was high enough would climb or squeeze where Doom has no room. The walk waits for such
/// a plane before it steps into or out of its sector: a floor until it is where it is going (a body on it rides it, and
/// steps off where it ends), a ceiling until a body fits under it a step above the floor the step stands on (the highest
/// under the body's box, which may be a ledge beside the sector).
/// </summary>
internal sealed class MovingPlanes
{
    // The validator's replay is a tic lenient either way; the walk is a tic stricter than that.
    private const int Grace = 2;

    private readonly NavGrid _grid;
    private readonly SectorHeights _heights;
    private readonly Dictionary<int, double> _floorAt = [];
    private readonly Dictionary<int, Rise> _rising = [];
    private readonly List<(int Sector, int Height)> _before = [];

    public MovingPlanes(NavGrid grid, SectorHeights heights)
    {
        _grid = grid;
        _heights = heights;
    }

    /// <summary>Notes the planes a move acts on before it, to see afterwards which moved and how far.</summary>
    public void Before(SectorMove move, IReadOnlyList<int> sectors)
    {
        _before.Clear();
        if (move.Kind == MoveKind.Permanent && move.Speed < SectorMove.InstantSpeed)
        {
            foreach (var sector in sectors)
            {
                _before.Add((sector, move.Ceiling ? _heights.Ceiling[sector] : _heights.FloorLow[sector]));
            }
        }
        else if (move.Kind == MoveKind.Stairs)
        {
            // A stair's steps are found as it builds: every floor is noted, and those that moved are its steps.
            for (var sector = 0; sector < _heights.FloorLow.Length; sector++)
            {
                _before.Add((sector, _heights.FloorLow[sector]));
            }
        }
    }

    /// <summary>After the move, made at <paramref name="clock"/>: when the planes it moved are where they are going, or high enough.</summary>
    public void After(SectorMove move, double clock)
    {
        foreach (var (sector, height) in _before)
        {
            if (!move.Ceiling)
            {
                var travel = Math.Abs(height - _heights.FloorLow[sector]);
                if (travel > 0)
                {
                    _floorAt[sector] = Math.Max(clock + Tics(travel, move.UnitsPerTic), _floorAt.GetValueOrDefault(sector));
                }
            }
            else if (_heights.Ceiling[sector] > height)
            {
                _rising[sector] = new Rise(clock, height, _heights.Ceiling[sector], move.UnitsPerTic);
            }
        }

        _before.Clear();
    }

    /// <summary>The clock by which every plane on its way under or over either end of a step is there (0: none is on its way).</summary>
    public double ReadyBefore(int from, int to) => _floorAt.Count + _rising.Count == 0 ? 0 : Math.Max(Ready(from), Ready(to));

    /// <summary>The clock by which the sector's floor is where it is going (0: it is not on its way; an item on it rides it).</summary>
    public double FloorAt(int sector) => _floorAt.GetValueOrDefault(sector);

    // Whole tics to travel a distance at a speed, and the grace.
    private static double Tics(int distance, double speed) => Math.Ceiling(distance / speed) + Grace;

    private double Ready(int cell)
    {
        // The body stands on the highest floor under its box there, and may be up to a step above it on its way.
        var top = Math.Max(_grid.Floor0[cell], _grid.Floor1[cell]) + NavGrid.MaxStepUp + NavGrid.BodyHeight;
        var until = 0.0;
        foreach (var sector in _grid.SectorsTouched(cell))
        {
            until = Math.Max(until, FloorAt(sector));
            if (_rising.TryGetValue(sector, out var rise) && top > rise.From)
            {
                until = Math.Max(until, rise.Start + Tics(Math.Min(top, rise.To) - rise.From, rise.Speed));
            }
        }

        return until;
    }

    // A ceiling on its way up from a height to another at a speed, from a clock on.
    private readonly record struct Rise(double Start, int From, int To, double Speed);
}
