namespace RlGameTester.Doom.Exploration;

/// <summary>The 64-unit blocks of the map the agent has seen: those within 64 units of where it walked.</summary>
internal sealed class VisitedBlocks
{
    private const double BlockSize = 64;

    private readonly NavGrid _grid;
    private readonly bool[] _visited;
    private readonly int _columns;

    public VisitedBlocks(NavGrid grid)
    {
        _grid = grid;
        _columns = (int)Math.Ceiling(grid.Columns * grid.CellSize / BlockSize) + 1;
        _visited = new bool[_columns * ((int)Math.Ceiling(grid.Rows * grid.CellSize / BlockSize) + 1)];
    }

    public bool IsVisited(int c) => _visited[BlockOf(_grid.X(c), _grid.Y(c))];

    public void Mark(int c)
    {
        double x = _grid.X(c), y = _grid.Y(c);
        var col0 = Math.Max(0, (int)((x - BlockSize - _grid.OriginX) / BlockSize));
        var col1 = Math.Min(_columns - 1, (int)((x + BlockSize - _grid.OriginX) / BlockSize));
        var row0 = Math.Max(0, (int)((y - BlockSize - _grid.OriginY) / BlockSize));
        var row1 = (int)((y + BlockSize - _grid.OriginY) / BlockSize);
        for (var r = row0; r <= row1; r++)
        {
            for (var col = col0; col <= col1; col++)
            {
                var index = (r * _columns) + col;
                if (index < _visited.Length)
                {
                    _visited[index] = true;
                }
            }
        }
    }

    private int BlockOf(double x, double y) =>
        ((int)((y - _grid.OriginY) / BlockSize) * _columns) + (int)((x - _grid.OriginX) / BlockSize);
}
