using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Checks;

/// <summary>
/// Line and vertex geometry: zero-length and very short lines, lines that overlap or cross, vertices at the
/// same spot or lying on another line, unused vertices and maps too large for the engine. Pairs are only
/// tested when they share a grid cell.
/// </summary>
internal static class LineGeometryChecks
{
    // Doom's fixed-point maths overflows on distances beyond 32767 units.
    private const double SafeExtent = 32767;

    public static void Run(CheckContext c)
    {
        LengthsAndSize(c);
        PairsOfLines(c);
        Vertices(c);
    }

    private static void LengthsAndSize(CheckContext c)
    {
        for (var i = 0; i < c.Level.Linedefs.Length; i++)
        {
            var length = c.Geometry.Length(i);
            if (length == 0)
            {
                c.ReportLine(CheckNames.ZeroLengthLine, FindingSeverity.Major, i,
                    $"Line {i} has zero length (both ends at the same point); node builders and the renderer mishandle it. Delete it.");
            }
            else if (length < c.Options.ShortLineLength)
            {
                c.ReportLine(CheckNames.ShortLine, FindingSeverity.Minor, i,
                    $"Line {i} is only {CheckContext.Number(length)} units long; such slivers cause rendering and collision glitches. Merge its vertices.");
            }
        }

        var bounds = c.Geometry.Bounds;
        if (bounds.Width > SafeExtent || bounds.Height > SafeExtent)
        {
            c.ReportLevel(CheckNames.MapTooBig, FindingSeverity.Major,
                $"The map spans {CheckContext.Number(bounds.Width)} x {CheckContext.Number(bounds.Height)} units; beyond {SafeExtent} Doom's fixed-point maths overflows (broken collision, sight and rendering).");
        }
    }

    private static void PairsOfLines(CheckContext c)
    {
        var lines = c.Level.Linedefs;
        var seen = new int[lines.Length];
        Array.Fill(seen, -1);
        var cells = new List<int>();
        var grid = c.Geometry.Grid;
        for (var i = 0; i < lines.Length; i++)
        {
            var (x1, y1, x2, y2) = c.Geometry.Segment(i);
            cells.Clear();
            grid.CellsOf(x1, y1, x2, y2, cells);
            foreach (var cell in cells)
            {
                foreach (var j in grid.LinesInCell(cell % grid.Columns, cell / grid.Columns))
                {
                    if (j > i && seen[j] != i)
                    {
                        seen[j] = i;
                        TestPair(c, i, j);
                    }
                }
            }
        }
    }

    private static void TestPair(CheckContext c, int i, int j)
    {
        var (ax, ay, bx, by) = c.Geometry.Segment(i);
        var (cx, cy, dx, dy) = c.Geometry.Segment(j);

        // Most neighbours in a cell are nowhere near each other: reject on their boxes first.
        if (Math.Max(ax, bx) < Math.Min(cx, dx) || Math.Max(cx, dx) < Math.Min(ax, bx) ||
            Math.Max(ay, by) < Math.Min(cy, dy) || Math.Max(cy, dy) < Math.Min(ay, by) ||
            (ax == bx && ay == by) || (cx == dx && cy == dy))
        {
            return;
        }

        var o1 = Orientation(ax, ay, bx, by, cx, cy);
        var o2 = Orientation(ax, ay, bx, by, dx, dy);
        if (o1 == 0 && o2 == 0)
        {
            // Collinear: overlapping when the shared stretch has a length.
            var horizontalish = Math.Abs(bx - ax) >= Math.Abs(by - ay);
            double a0 = horizontalish ? ax : ay, a1 = horizontalish ? bx : by;
            double b0 = horizontalish ? cx : cy, b1 = horizontalish ? dx : dy;
            var overlap = Math.Min(Math.Max(a0, a1), Math.Max(b0, b1)) - Math.Max(Math.Min(a0, a1), Math.Min(b0, b1));
            if (overlap > 0)
            {
                c.ReportLine(CheckNames.OverlappingLines, FindingSeverity.Major, j,
                    $"Line {j} lies on top of line {i} (over {CheckContext.Number(overlap)} units): Doom draws and collides with them unpredictably. Delete one or merge them.");
            }

            return;
        }

        var o3 = Orientation(cx, cy, dx, dy, ax, ay);
        var o4 = Orientation(cx, cy, dx, dy, bx, by);
        if (Math.Sign(o1) * Math.Sign(o2) < 0 && Math.Sign(o3) * Math.Sign(o4) < 0 && !AllInOneSector(c, i, j))
        {
            var t = o3 / (o3 - o4);
            var x = ax + (t * (bx - ax));
            var y = ay + (t * (by - ay));
            var at = $"({CheckContext.Number(x)}, {CheckContext.Number(y)})";
            var self = SelfReferencing(c, i) is not null ? i : SelfReferencing(c, j) is not null ? j : -1;
            if (self >= 0)
            {
                // A line with one sector on both sides (trigger lines, deep-water tricks) only spills that
                // sector's floor and ceiling over the part that lies beyond the other line.
                var sector = SelfReferencing(c, self);
                c.Report(CheckNames.CrossingLines, FindingSeverity.Minor,
                    $"Line {self}, which has sector {sector} on both sides, crosses line {(self == i ? j : i)} at {at}; past the crossing it drags sector {sector}'s floor and ceiling into the neighbouring sector. Keep such lines inside their sector.",
                    ElementKind.Line, self, x, y);
            }
            else
            {
                c.Report(CheckNames.CrossingLines, FindingSeverity.Major,
                    $"Line {i} crosses line {j} at {at} without a shared vertex: the sectors around them are broken. Split both lines at the crossing.",
                    ElementKind.Line, i, x, y);
            }
        }
    }

    private static int? SelfReferencing(CheckContext c, int index)
    {
        var line = c.Level.Linedefs[index];
        if (line.FrontSide < 0 || line.BackSide < 0)
        {
            return null;
        }

        var front = c.Level.Sidedefs[line.FrontSide].Sector;
        return front == c.Level.Sidedefs[line.BackSide].Sector ? front : null;
    }

    // Lines drawn inside one sector (both sides of both lines in it) may cross harmlessly (as Ultimate Doom Builder allows).
    private static bool AllInOneSector(CheckContext c, int i, int j)
    {
        var sector = -1;
        foreach (var line in new[] { c.Level.Linedefs[i], c.Level.Linedefs[j] })
        {
            foreach (var side in new[] { line.FrontSide, line.BackSide })
            {
                if (side < 0)
                {
                    return false;
                }

                var s = c.Level.Sidedefs[side].Sector;
                if (sector >= 0 && s != sector)
                {
                    return false;
                }

                sector = s;
            }
        }

        return true;
    }

    private static void Vertices(CheckContext c)
    {
        var level = c.Level;
        var used = new bool[level.Vertices.Length];
        var highestUsed = -1;
        foreach (var line in level.Linedefs)
        {
            used[line.Start] = true;
            used[line.End] = true;
            highestUsed = Math.Max(highestUsed, Math.Max(line.Start, line.End));
        }

        var firstAt = new Dictionary<(double, double), int>();
        var grid = c.Geometry.Grid;
        for (var v = 0; v < level.Vertices.Length; v++)
        {
            var vertex = level.Vertices[v];
            if (!used[v])
            {
                // Binary levels append the node builder's split vertices after the map's own; only gaps below
                // the highest vertex a line uses are leftovers of editing.
                if (v < highestUsed || level.Format == LevelFormat.Udmf)
                {
                    c.Report(CheckNames.UnusedVertex, FindingSeverity.Info,
                        $"Vertex {v} is not used by any line; it is a leftover of editing and can be removed.",
                        ElementKind.Vertex, v, vertex.X, vertex.Y);
                }

                continue;
            }

            if (!firstAt.TryAdd((vertex.X, vertex.Y), v))
            {
                c.Report(CheckNames.OverlappingVertices, FindingSeverity.Minor,
                    $"Vertex {v} sits exactly on vertex {firstAt[(vertex.X, vertex.Y)]}; lines meeting there are not joined. Merge the two vertices.",
                    ElementKind.Vertex, v, vertex.X, vertex.Y);
            }

            // Lines are listed in every cell they come within a hair of, so the vertex's own cell holds every
            // line that passes through it.
            foreach (var l in grid.LinesInCell(grid.Column(vertex.X), grid.Row(vertex.Y)))
            {
                ref readonly var line = ref level.Linedefs.ItemRef(l);
                if (line.Start == v || line.End == v)
                {
                    continue;
                }

                var (x1, y1, x2, y2) = c.Geometry.Segment(l);
                if ((x1 == vertex.X && y1 == vertex.Y) || (x2 == vertex.X && y2 == vertex.Y))
                {
                    continue;
                }

                if (Orientation(x1, y1, x2, y2, vertex.X, vertex.Y) == 0 && StrictlyBetween(x1, y1, x2, y2, vertex.X, vertex.Y))
                {
                    c.Report(CheckNames.VertexOnLine, FindingSeverity.Minor,
                        $"Vertex {v} lies on line {l} without splitting it; the lines meeting there are not connected to it (a gap in the sector's outline). Split line {l} at the vertex.",
                        ElementKind.Vertex, v, vertex.X, vertex.Y);
                    break;
                }
            }
        }
    }

    private static double Orientation(double ax, double ay, double bx, double by, double px, double py) =>
        ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));

    private static bool StrictlyBetween(double x1, double y1, double x2, double y2, double px, double py)
    {
        var dot = ((px - x1) * (x2 - x1)) + ((py - y1) * (y2 - y1));
        var lengthSquared = ((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1));
        return dot > 0 && dot < lengthSquared;
    }
}
