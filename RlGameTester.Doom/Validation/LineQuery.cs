using RlGameTester.Doom.Geometry;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// Which lines may matter near a box or along a path, from the geometry's 128-unit line grid (Doom's blockmap idea), so
/// every check looks at a few cells instead of every line. The lists it returns are reused by the next query.
/// </summary>
internal sealed class LineQuery
{
    private readonly LevelGeometry _geometry;
    private readonly List<int> _box = [];
    private readonly List<int> _path = [];
    private readonly List<int> _cells = [];
    private readonly int[] _seen;
    private int _stamp;

    public LineQuery(LevelGeometry geometry)
    {
        _geometry = geometry;
        _seen = new int[geometry.Level.Linedefs.Length];
    }

    /// <summary>Lines whose grid cells meet the box around (x, y) with the given half-width; each once.</summary>
    public List<int> NearBox(double x, double y, double halfWidth)
    {
        _geometry.Grid.LinesInBox(x - halfWidth, y - halfWidth, x + halfWidth, y + halfWidth, _box);
        return _box;
    }

    /// <summary>Lines listed in the cells the path from a to b passes through; each once.</summary>
    public List<int> AlongPath(double ax, double ay, double bx, double by)
    {
        _path.Clear();
        _cells.Clear();
        var grid = _geometry.Grid;
        grid.CellsOf(ax, ay, bx, by, _cells);
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seen);
            _stamp = 1;
        }

        foreach (var cell in _cells)
        {
            foreach (var line in grid.LinesInCell(cell % grid.Columns, cell / grid.Columns))
            {
                if (_seen[line] != _stamp)
                {
                    _seen[line] = _stamp;
                    _path.Add(line);
                }
            }
        }

        return _path;
    }
}
