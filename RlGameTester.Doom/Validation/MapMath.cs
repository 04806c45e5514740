namespace RlGameTester.Doom.Validation;

/// <summary>
/// Doom's plane geometry predicates (p_maputl.c), in map units. Points exactly on a line count as Doom counts them;
/// boxes that only touch a line do not cross it.
/// </summary>
internal static class MapMath
{
    // Explorer positions are doubles built from whole-unit cells; anything closer than this is "on" the line.
    private const double Epsilon = 1e-7;

    /// <summary>P_PointOnLineSide: 0 for the front (right of start to end), 1 for the back, with Doom's rules for points on the line.</summary>
    public static int PointOnLineSide(double x, double y, double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1;
        if (dx == 0)
        {
            return x <= x1 ? (dy > 0 ? 1 : 0) : (dy < 0 ? 1 : 0);
        }

        if (dy == 0)
        {
            return y <= y1 ? (dx < 0 ? 1 : 0) : (dx > 0 ? 1 : 0);
        }

        return (dy * (x - x1)) - (dx * (y - y1)) > 0 ? 0 : 1;
    }

    /// <summary>Signed distance of a point from the line through (x1, y1)-(x2, y2): positive on the front side.</summary>
    public static double SignedDistance(double x, double y, double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return length == 0 ? 0 : ((dy * (x - x1)) - (dx * (y - y1))) / length;
    }

    /// <summary>
    /// PIT_CheckLine's test: the line's bounding box overlaps the box and the line separates its corners
    /// (P_BoxOnLineSide == -1). A line lying on the box's edge does not cross it.
    /// </summary>
    public static bool BoxCrossesLine(double cx, double cy, double radius, double x1, double y1, double x2, double y2)
    {
        double left = cx - radius, right = cx + radius, bottom = cy - radius, top = cy + radius;
        if (right <= Math.Min(x1, x2) + Epsilon || left >= Math.Max(x1, x2) - Epsilon
            || top <= Math.Min(y1, y2) + Epsilon || bottom >= Math.Max(y1, y2) - Epsilon)
        {
            return false;
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var (px, py) in (ReadOnlySpan<(double, double)>)[(left, bottom), (left, top), (right, bottom), (right, top)])
        {
            var s = SignedDistance(px, py, x1, y1, x2, y2);
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        return min < -Epsilon && max > Epsilon;
    }

    /// <summary>
    /// How far the box would have to move to clear a line crossing it: along either axis, or straight away from the line.
    /// </summary>
    public static double BoxLineDepth(double cx, double cy, double radius, double x1, double y1, double x2, double y2)
    {
        double left = cx - radius, right = cx + radius, bottom = cy - radius, top = cy + radius;
        var alongX = Math.Min(right - Math.Min(x1, x2), Math.Max(x1, x2) - left);
        var alongY = Math.Min(top - Math.Min(y1, y2), Math.Max(y1, y2) - bottom);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var (px, py) in (ReadOnlySpan<(double, double)>)[(left, bottom), (left, top), (right, bottom), (right, top)])
        {
            var s = SignedDistance(px, py, x1, y1, x2, y2);
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        return Math.Max(0, Math.Min(Math.Min(alongX, alongY), Math.Min(max, -min)));
    }

    /// <summary>
    /// Whether the path from (ax, ay) to (bx, by) passes from one side of the segment to the other: its ends lie strictly
    /// on opposite sides of the segment's line, and the segment's ends are not strictly on one side of the path.
    /// </summary>
    public static bool PathCrossesSegment(double ax, double ay, double bx, double by, double x1, double y1, double x2, double y2)
    {
        var sa = SignedDistance(ax, ay, x1, y1, x2, y2);
        var sb = SignedDistance(bx, by, x1, y1, x2, y2);
        if (!((sa > Epsilon && sb < -Epsilon) || (sa < -Epsilon && sb > Epsilon)))
        {
            return false;
        }

        var s1 = SignedDistance(x1, y1, ax, ay, bx, by);
        var s2 = SignedDistance(x2, y2, ax, ay, bx, by);
        return !((s1 > Epsilon && s2 > Epsilon) || (s1 < -Epsilon && s2 < -Epsilon));
    }

    /// <summary>
    /// Where the path from a to b meets the segment, as a fraction of the path (0 at a, 1 at b), or -1 when the path and
    /// the segment do not meet. Touching counts (a trace through a vertex meets both lines at it).
    /// </summary>
    public static double PathFractionAtSegment(double ax, double ay, double bx, double by, double x1, double y1, double x2, double y2)
    {
        double rx = bx - ax, ry = by - ay, sx = x2 - x1, sy = y2 - y1;
        var denominator = (rx * sy) - (ry * sx);
        if (Math.Abs(denominator) < 1e-12)
        {
            return -1;
        }

        double qx = x1 - ax, qy = y1 - ay;
        var t = ((qx * sy) - (qy * sx)) / denominator;
        var u = ((qx * ry) - (qy * rx)) / denominator;
        const double slack = 1e-9;
        return t < -slack || t > 1 + slack || u < -slack || u > 1 + slack ? -1 : Math.Clamp(t, 0, 1);
    }

    /// <summary>The fraction along the segment of the point nearest to (x, y).</summary>
    public static double NearestFraction(double x, double y, double x1, double y1, double x2, double y2)
    {
        double dx = x2 - x1, dy = y2 - y1;
        var lengthSquared = (dx * dx) + (dy * dy);
        return lengthSquared == 0 ? 0 : Math.Clamp((((x - x1) * dx) + ((y - y1) * dy)) / lengthSquared, 0, 1);
    }

    public static double DistanceToSegment(double x, double y, double x1, double y1, double x2, double y2)
    {
        var f = NearestFraction(x, y, x1, y1, x2, y2);
        return Distance(x, y, x1 + (f * (x2 - x1)), y1 + (f * (y2 - y1)));
    }

    public static double Distance(double ax, double ay, double bx, double by) =>
        Math.Sqrt(((bx - ax) * (bx - ax)) + ((by - ay) * (by - ay)));
}
