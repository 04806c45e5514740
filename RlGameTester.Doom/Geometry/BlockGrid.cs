namespace RlGameTester.Doom.Geometry;

/// <summary>
/// A uniform grid of cells (like Doom's 128-unit blockmap) listing the lines that pass through each cell,
/// stored compactly (one offsets array, one flat index array). It turns "which lines are near here"
/// from a scan of every line into a look at a few cells.
/// </summary>
internal sealed class BlockGrid
{
    private const double PreferredCellSize = 128;
    private const int MaxCellsPerAxis = 1024;

    // The most line-in-cell entries the grid keeps: this many per line on average, and at least MinEntries in all.
    private const int EntriesPerLine = 16;
    private const int MinEntries = 1 << 20;

    // Rounding at cell borders must never drop a cell a line touches; including a neighbour is harmless.
    private const double Slack = 1.0 / 256;

    private readonly int[] _cellStart;
    private readonly int[] _cellLines;

    /// <summary>How many line-in-cell entries the grid holds.</summary>
    internal int Entries => _cellLines.Length;

    public BlockGrid(MapBounds bounds, int lineCount, Func<int, (double X1, double Y1, double X2, double Y2)> segment)
    {
        OriginX = bounds.MinX;
        OriginY = bounds.MinY;

        // Huge (or hostile) coordinates would make a 128-unit grid enormous; coarser cells keep it bounded.
        var extent = Math.Max(bounds.Width, bounds.Height);
        CellSize = Math.Max(PreferredCellSize, extent / MaxCellsPerAxis);

        // So would many long lines: each is listed in every cell it crosses, and a hostile level of long crossing lines
        // would list each in hundreds. Coarser cells keep the lists within a budget; cells only narrow the search, so
        // any size is correct. Real levels' lines cross two or three cells each and keep the preferred size.
        var crossings = 0.0;
        for (var line = 0; line < lineCount; line++)
        {
            var (x1, y1, x2, y2) = segment(line);
            crossings += ((Math.Abs(x2 - x1) + Math.Abs(y2 - y1)) / CellSize) + 2;
        }

        var budget = Math.Max(MinEntries, (double)lineCount * EntriesPerLine);
        if (crossings > budget)
        {
            CellSize *= crossings / budget;
        }
        Columns = Math.Max(1, (int)Math.Floor(bounds.Width / CellSize) + 1);
        Rows = Math.Max(1, (int)Math.Floor(bounds.Height / CellSize) + 1);

        var pairs = new List<(int Cell, int Line)>(lineCount * 3);
        var cells = new List<int>();
        for (var line = 0; line < lineCount; line++)
        {
            var (x1, y1, x2, y2) = segment(line);
            cells.Clear();
            CellsOf(x1, y1, x2, y2, cells);
            foreach (var cell in cells)
            {
                pairs.Add((cell, line));
            }
        }

        _cellStart = new int[(Columns * Rows) + 1];
        foreach (var (cell, _) in pairs)
        {
            _cellStart[cell + 1]++;
        }

        for (var i = 1; i < _cellStart.Length; i++)
        {
            _cellStart[i] += _cellStart[i - 1];
        }

        _cellLines = new int[pairs.Count];
        var fill = (int[])_cellStart.Clone();
        foreach (var (cell, line) in pairs)
        {
            _cellLines[fill[cell]++] = line;
        }
    }

    public double OriginX { get; }

    public double OriginY { get; }

    public double CellSize { get; }

    public int Columns { get; }

    public int Rows { get; }

    public int Column(double x) => Math.Clamp((int)Math.Floor((x - OriginX) / CellSize), 0, Columns - 1);

    public int Row(double y) => Math.Clamp((int)Math.Floor((y - OriginY) / CellSize), 0, Rows - 1);

    public ReadOnlySpan<int> LinesInCell(int column, int row)
    {
        var cell = (row * Columns) + column;
        return _cellLines.AsSpan(_cellStart[cell], _cellStart[cell + 1] - _cellStart[cell]);
    }

    /// <summary>Adds to <paramref name="result"/> each line that may touch the box, once.</summary>
    public void LinesInBox(double minX, double minY, double maxX, double maxY, List<int> result)
    {
        result.Clear();
        if (maxX < OriginX || maxY < OriginY || minX > OriginX + (Columns * CellSize) || minY > OriginY + (Rows * CellSize))
        {
            return;
        }

        int c0 = Column(minX), c1 = Column(maxX), r0 = Row(minY), r1 = Row(maxY);
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                foreach (var line in LinesInCell(c, r))
                {
                    result.Add(line);
                }
            }
        }

        if (c0 != c1 || r0 != r1)
        {
            result.Sort();
            var write = 0;
            for (var i = 0; i < result.Count; i++)
            {
                if (i == 0 || result[i] != result[i - 1])
                {
                    result[write++] = result[i];
                }
            }

            result.RemoveRange(write, result.Count - write);
        }
    }

    /// <summary>Adds to <paramref name="cells"/> every cell the segment passes through.</summary>
    public void CellsOf(double x1, double y1, double x2, double y2, List<int> cells)
    {
        var r0 = Row(Math.Min(y1, y2) - Slack);
        var r1 = Row(Math.Max(y1, y2) + Slack);
        for (var r = r0; r <= r1; r++)
        {
            double xa, xb;
            if (r0 == r1 || y1 == y2)
            {
                xa = x1;
                xb = x2;
            }
            else
            {
                // The part of the segment inside this row's band of y.
                var bandLow = Math.Max(OriginY + (r * CellSize), Math.Min(y1, y2));
                var bandHigh = Math.Min(OriginY + ((r + 1) * CellSize), Math.Max(y1, y2));
                xa = x1 + ((x2 - x1) * (bandLow - y1) / (y2 - y1));
                xb = x1 + ((x2 - x1) * (bandHigh - y1) / (y2 - y1));
            }

            var c0 = Column(Math.Min(xa, xb) - Slack);
            var c1 = Column(Math.Max(xa, xb) + Slack);
            for (var c = c0; c <= c1; c++)
            {
                cells.Add((r * Columns) + c);
            }
        }
    }
}
