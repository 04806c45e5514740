using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Whether a use or a shot from a cell reaches a line, as Doom traces them under the current sector heights: a use
/// (PTR_UseTraverse) stops at a one-sided line, at a two-sided line whose opening is closed, and at another special line
/// (Doom uses that one instead); a shot (PTR_ShootTraverse) stops at one-sided lines and closed openings. The body may
/// face any way, so some point of the line within reach is enough. Results are kept until a sector moves.
/// </summary>
internal sealed class LineTraces
{
    private const double AimSpacing = 8;

    private readonly LevelModel _model;
    private readonly LevelState _state;
    private readonly Dictionary<(int Cell, int Line), (int Version, bool Clear)> _known = [];
    private readonly List<int> _cells = [];

    public LineTraces(LevelModel model, LevelState state)
    {
        _model = model;
        _state = state;
    }

    public bool CanUse(int cell, int line) => Reaches(cell, line, LevelModel.UseRange, use: true);

    public bool CanShoot(int cell, int line) => Reaches(cell, line, LevelModel.GunRange, use: false);

    private bool Reaches(int cell, int line, double range, bool use)
    {
        var key = (use ? cell : ~cell, line);
        if (_known.TryGetValue(key, out var known) && known.Version == _state.HeightsVersion)
        {
            return known.Clear;
        }

        var clear = false;
        var grid = _model.Grid;
        double px = grid.X(cell), py = grid.Y(cell);
        foreach (var (qx, qy) in Aims(px, py, line, range))
        {
            if (Clear(px, py, qx, qy, line, use))
            {
                clear = true;
                break;
            }
        }

        _known[key] = (_state.HeightsVersion, clear);
        return clear;
    }

    // The nearest point of the line, then points every few units along the part within range.
    private IEnumerable<(double X, double Y)> Aims(double px, double py, int line, double range)
    {
        var (x1, y1, x2, y2) = _model.Geometry.Segment(line);
        double dx = x2 - x1, dy = y2 - y1;
        var length2 = (dx * dx) + (dy * dy);
        var nearest = length2 == 0 ? 0 : Math.Clamp((((px - x1) * dx) + ((py - y1) * dy)) / length2, 0, 1);
        yield return (x1 + (nearest * dx), y1 + (nearest * dy));
        var length = Math.Sqrt(length2);
        for (var along = 0.0; along <= length; along += AimSpacing)
        {
            var t = length == 0 ? 0 : along / length;
            double qx = x1 + (t * dx), qy = y1 + (t * dy);
            if (((qx - px) * (qx - px)) + ((qy - py) * (qy - py)) <= range * range)
            {
                yield return (qx, qy);
            }
        }
    }

    private bool Clear(double px, double py, double qx, double qy, int target, bool use)
    {
        var level = _model.Level;
        var heights = _state.Heights;
        var blocks = _model.Geometry.Grid;
        _cells.Clear();
        blocks.CellsOf(px, py, qx, qy, _cells);
        foreach (var gridCell in _cells)
        {
            foreach (var line in blocks.LinesInCell(gridCell % blocks.Columns, gridCell / blocks.Columns))
            {
                if (line == target)
                {
                    continue;
                }

                var (ax, ay, bx, by) = _model.Geometry.Segment(line);
                if (!Intercepts(px, py, qx, qy, ax, ay, bx, by))
                {
                    continue;
                }

                ref readonly var def = ref level.Linedefs.ItemRef(line);
                if (def.FrontSide < 0 || def.BackSide < 0 || (use && def.Special != 0))
                {
                    return false;
                }

                int front = level.Sidedefs[def.FrontSide].Sector, back = level.Sidedefs[def.BackSide].Sector;
                var opening = Math.Min(heights.Ceiling[front], heights.Ceiling[back]) - Math.Max(heights.FloorHigh[front], heights.FloorHigh[back]);
                if (opening <= 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // PIT_AddLineIntercepts: the line's ends lie on different sides of the trace (P_PointOnDivlineSide, where a point
    // on the trace counts as its back), and the crossing lies between the trace's start and its end.
    private static bool Intercepts(double px, double py, double qx, double qy, double ax, double ay, double bx, double by)
    {
        double dx = qx - px, dy = qy - py;
        if (DivlineSide(ax, ay, px, py, dx, dy) == DivlineSide(bx, by, px, py, dx, dy))
        {
            return false;
        }

        double ex = bx - ax, ey = by - ay;
        var denominator = (ey * dx) - (ex * dy);
        if (denominator == 0)
        {
            return false;
        }

        var fraction = (((ax - px) * ey) + ((py - ay) * ex)) / denominator;
        return fraction >= 0 && fraction <= 1;
    }

    private static int DivlineSide(double x, double y, double ox, double oy, double dx, double dy)
    {
        if (dx == 0)
        {
            return x <= ox ? (dy > 0 ? 1 : 0) : (dy < 0 ? 1 : 0);
        }

        if (dy == 0)
        {
            return y <= oy ? (dx < 0 ? 1 : 0) : (dx > 0 ? 1 : 0);
        }

        var left = dy * (x - ox);
        var right = (y - oy) * dx;
        return right < left ? 0 : 1;
    }
}
