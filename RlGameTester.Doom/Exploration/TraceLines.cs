using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Doom's traces (P_PathTraverse) for uses and shots: which lines a straight trace intercepts, as PIT_AddLineIntercepts
/// decides (a line's end on the trace counts as its back side), and the points of a target line to aim at.
/// </summary>
internal static class TraceLines
{
    private const double AimSpacing = 8;

    /// <summary>The nearest point of the line, then points every few units along the part within range.</summary>
    public static IEnumerable<(double X, double Y)> Aims(LevelGeometry geometry, double px, double py, int line, double range)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
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

    /// <summary>Whether the trace from p to q intercepts no line (other than the target) that <paramref name="stops"/> it.</summary>
    public static bool Clear(LevelGeometry geometry, double px, double py, double qx, double qy, int target, List<int> scratch, Func<int, bool> stops)
    {
        var blocks = geometry.Grid;
        scratch.Clear();
        blocks.CellsOf(px, py, qx, qy, scratch);
        foreach (var gridCell in scratch)
        {
            foreach (var line in blocks.LinesInCell(gridCell % blocks.Columns, gridCell / blocks.Columns))
            {
                if (line == target)
                {
                    continue;
                }

                var (ax, ay, bx, by) = geometry.Segment(line);
                if (Intercepts(px, py, qx, qy, ax, ay, bx, by) && stops(line))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a line stops every trace under the given heights (P_LineOpening): one-sided, or two-sided with no opening
    /// between the lower ceiling and the higher floor.
    /// </summary>
    public static bool Shut(Level level, int line, int[] ceilings, int[] floors)
    {
        ref readonly var def = ref level.Linedefs.ItemRef(line);
        if (def.FrontSide < 0 || def.BackSide < 0)
        {
            return true;
        }

        int front = level.Sidedefs[def.FrontSide].Sector, back = level.Sidedefs[def.BackSide].Sector;
        return Math.Min(ceilings[front], ceilings[back]) - Math.Max(floors[front], floors[back]) <= 0;
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
