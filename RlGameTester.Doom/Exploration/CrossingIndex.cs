using RlGameTester.Doom.Geometry;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// For a set of lines, which steps of a grid cross them: Doom sets off a walk-over line when the body's centre changes
/// side while the box at the new spot touches the line (P_CrossSpecialLine after P_TryMove).
/// </summary>
internal sealed class CrossingIndex
{
    private readonly Dictionary<int, List<(int Line, bool FrontToBack)>> _crossings = [];

    public CrossingIndex(NavGrid grid, LevelGeometry geometry, IEnumerable<int> lines)
    {
        Mask = new byte[grid.Count];
        var cells = new List<int>();
        foreach (var line in lines)
        {
            Add(grid, geometry, line, cells);
        }
    }

    /// <summary>Per cell, a bit for each of the 8 steps that crosses one of the lines.</summary>
    public byte[] Mask { get; }

    /// <summary>The lines a step from <paramref name="cell"/> in <paramref name="direction"/> crosses, and whether from their front.</summary>
    public List<(int Line, bool FrontToBack)>? this[int cell, int direction] =>
        (Mask[cell] & (1 << direction)) == 0 ? null : _crossings.GetValueOrDefault((cell * 8) + direction);

    private void Add(NavGrid grid, LevelGeometry geometry, int line, List<int> cells)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        grid.CellsTouchedByLine(line, cells);
        var offsets = grid.Offsets;
        foreach (var to in cells)
        {
            var toFront = NavGrid.OnFrontAsDoom(x1, y1, x2, y2, grid.X(to), grid.Y(to));
            for (var d = 0; d < 8; d++)
            {
                var from = to - offsets[d];
                if (from < 0 || from >= grid.Count || NavGrid.OnFrontAsDoom(x1, y1, x2, y2, grid.X(from), grid.Y(from)) == toFront)
                {
                    continue;
                }

                // The step from `from` towards `to` goes in direction d.
                var key = (from * 8) + d;
                if (!_crossings.TryGetValue(key, out var list))
                {
                    list = [];
                    _crossings.Add(key, list);
                }

                list.Add((line, !toFront));
                Mask[from] |= (byte)(1 << d);
            }
        }
    }
}
