using RlGameTester.Doom.Geometry;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Which lines may matter near a box or along a path, from the geometry's 128-unit line grid (Doom's blockmap idea), so
/// every check looks at a few cells instead of every line. The lists it returns are reused by the next query.
/// </summary>
internal sealed class LineQuery
{
    private readonly LevelGeometry geometry;
    private readonly List<int> box = [];
    private readonly List<int> path = [];
    private readonly List<int> cells = [];
    private readonly int[] seen;
    private int stamp;

    public LineQuery(LevelGeometry geometry)
    {
        this.geometry = geometry;
        seen = new int[geometry.Level.Linedefs.Length];
    }

    /// <summary>Lines whose grid cells meet the box around (x, y) with the given half-width; each once.</summary>
    public List<int> NearBox(double x, double y, double halfWidth)
    {
        geometry.Grid.LinesInBox(x - halfWidth, y - halfWidth, x + halfWidth, y + halfWidth, box);
        return box;
    }

    /// <summary>Lines listed in the cells the path from a to b passes through; each once.</summary>
    public List<int> AlongPath(double ax, double ay, double bx, double by)
    {
        path.Clear();
        cells.Clear();
        var grid = geometry.Grid;
        grid.CellsOf(ax, ay, bx, by, cells);
        if (++stamp == int.MaxValue)
        {
            Array.Clear(seen);
            stamp = 1;
        }

        foreach (var cell in cells)
        {
            foreach (var line in grid.LinesInCell(cell % grid.Columns, cell / grid.Columns))
            {
                if (seen[line] != stamp)
                {
                    seen[line] = stamp;
                    path.Add(line);
                }
            }
        }

        return path;
    }
}
