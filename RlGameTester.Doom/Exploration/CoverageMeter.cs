namespace RlGameTester.Doom.Exploration;

/// <summary>How much of the level's floor the body can cover and how much of that the run saw.</summary>
internal sealed class CoverageMeter(RunSnapshot run)
{
    private const double SightRange = 64;

    private readonly NavGrid _grid = run.Grid;

    /// <summary>Total floor, floor the body can cover (its box around reachable spots) and floor within 64 units of its walk.</summary>
    public (double Total, double Reachable, double Visited) Measure()
    {
        var cellArea = _grid.CellSize * _grid.CellSize;
        var bodyCells = (int)Math.Round(NavGrid.BodyRadius / _grid.CellSize);
        var sightCells = (int)Math.Round(SightRange / _grid.CellSize);
        var reachable = Dilate(run.Reach.EverReachable, bodyCells);
        var visited = Dilate(run.Trail, sightCells);
        long total = 0, reach = 0, seen = 0;
        for (var c = 0; c < _grid.Count; c++)
        {
            if (_grid.CenterSector[c] < 0)
            {
                continue;
            }

            total++;
            if (reachable[c])
            {
                reach++;
                if (visited[c])
                {
                    seen++;
                }
            }
        }

        return (total * cellArea, reach * cellArea, seen * cellArea);
    }

    // Chebyshev dilation by k cells, separably: rows, then columns.
    private bool[] Dilate(bool[] source, int k)
    {
        int columns = _grid.Columns, rows = _grid.Rows;
        var horizontal = new bool[source.Length];
        for (var r = 0; r < rows; r++)
        {
            var lastSet = int.MinValue / 2;
            var row = r * columns;
            for (var c = 0; c < columns; c++)
            {
                if (source[row + c])
                {
                    lastSet = c;
                }

                if (c - lastSet <= k)
                {
                    horizontal[row + c] = true;
                }
            }

            lastSet = int.MaxValue / 2;
            for (var c = columns - 1; c >= 0; c--)
            {
                if (source[row + c])
                {
                    lastSet = c;
                }

                if (lastSet - c <= k)
                {
                    horizontal[row + c] = true;
                }
            }
        }

        var result = new bool[source.Length];
        for (var c = 0; c < columns; c++)
        {
            var lastSet = int.MinValue / 2;
            for (var r = 0; r < rows; r++)
            {
                if (horizontal[(r * columns) + c])
                {
                    lastSet = r;
                }

                if (r - lastSet <= k)
                {
                    result[(r * columns) + c] = true;
                }
            }

            lastSet = int.MaxValue / 2;
            for (var r = rows - 1; r >= 0; r--)
            {
                if (horizontal[(r * columns) + c])
                {
                    lastSet = r;
                }

                if (lastSet - r <= k)
                {
                    result[(r * columns) + c] = true;
                }
            }
        }

        return result;
    }
}
