using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The 64-unit blocks of the map the agent has seen: those within 64 units of where it walked, and, where it stands in
/// the open (every block 128 units round is open), those in open view out to <see cref="ViewRange"/>, as a player looks
/// across a field or a sea instead of sweeping it: JAMP2 MAP04's agent spent its whole tick limit sweeping a sea 30,000
/// units wide (shelving in rings of sectors) row by row. A block is open when its lines (as drawn) are ones a body walks
/// across without a thought: two-sided, no special, a step of at most 24 and room for the body. A sight line stops at the
/// first block holding a wall, a ledge, a window, a door or a line that does something, so whatever lies past those is
/// still walked to; and in rooms and corridors nothing is seen from afar, so a room a switch opened is still walked into
/// (Hacx 2 MAP06's switches each open one door and shut the others: the agent must look behind each before the next).
/// </summary>
internal sealed class VisitedBlocks
{
    private const double BlockSize = 64;

    // Blocks out along each sight line, and how many sight lines a look casts (one to each block of the square at that range).
    private const int ViewBlocks = 32;
    private const double ViewRange = ViewBlocks * BlockSize;

    // A look is taken only where the blocks this far round are all open (InTheOpen).
    private const int OpenAround = 2;

    // The agent looks again once it has moved this far from where it last looked.
    private const double LookEvery = 64;

    private readonly NavGrid _grid;
    private readonly bool[] _visited;
    private readonly bool[] _open;
    private readonly int _columns;
    private readonly int _rows;
    private (double X, double Y) _lastLook = (double.NaN, double.NaN);

    public VisitedBlocks(NavGrid grid, Level level, LevelGeometry geometry)
    {
        _grid = grid;
        _columns = (int)Math.Ceiling(grid.Columns * grid.CellSize / BlockSize) + 1;
        _rows = (int)Math.Ceiling(grid.Rows * grid.CellSize / BlockSize) + 1;
        _visited = new bool[_columns * _rows];
        _open = OpenBlocks(level, geometry);
    }

    public bool IsVisited(int c) => _visited[BlockOf(_grid.X(c), _grid.Y(c))];

    public void Mark(int c)
    {
        double x = _grid.X(c), y = _grid.Y(c);
        var col0 = Math.Max(0, (int)((x - BlockSize - _grid.OriginX) / BlockSize));
        var col1 = Math.Min(_columns - 1, (int)((x + BlockSize - _grid.OriginX) / BlockSize));
        var row0 = Math.Max(0, (int)((y - BlockSize - _grid.OriginY) / BlockSize));
        var row1 = Math.Min(_rows - 1, (int)((y + BlockSize - _grid.OriginY) / BlockSize));
        for (var r = row0; r <= row1; r++)
        {
            for (var col = col0; col <= col1; col++)
            {
                _visited[(r * _columns) + col] = true;
            }
        }

        if (double.IsNaN(_lastLook.X) || Math.Abs(x - _lastLook.X) + Math.Abs(y - _lastLook.Y) >= LookEvery)
        {
            _lastLook = (x, y);
            Look(x, y);
        }
    }

    // Casts a sight line to each block of the square ViewBlocks out, marking the open blocks it runs over.
    private void Look(double x, double y)
    {
        if (!InTheOpen(x, y))
        {
            return;
        }

        for (var k = -ViewBlocks; k < ViewBlocks; k++)
        {
            Cast(x, y, k, -ViewBlocks);
            Cast(x, y, ViewBlocks, k);
            Cast(x, y, -k, ViewBlocks);
            Cast(x, y, -ViewBlocks, -k);
        }
    }

    // The blocks within OpenAround of the spot's are all open: a field, a sea, a plaza; not a room or a corridor.
    private bool InTheOpen(double x, double y)
    {
        int col = ColumnOf(x), row = RowOf(y);
        for (var r = row - OpenAround; r <= row + OpenAround; r++)
        {
            for (var k = col - OpenAround; k <= col + OpenAround; k++)
            {
                if (k < 0 || r < 0 || k >= _columns || r >= _rows || !_open[(r * _columns) + k])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Cast(double x, double y, int dx, int dy)
    {
        var steps = Math.Max(Math.Abs(dx), Math.Abs(dy)) * 2;
        double sx = dx * BlockSize / steps, sy = dy * BlockSize / steps;
        for (var i = 1; i <= steps; i++)
        {
            double px = x + (sx * i), py = y + (sy * i);
            int col = ColumnOf(px), row = RowOf(py);
            if (col < 0 || row < 0 || col >= _columns || row >= _rows || !_open[(row * _columns) + col])
            {
                return;
            }

            _visited[(row * _columns) + col] = true;
        }
    }

    // Blocks whose lines, as drawn, a body walks across without a thought (see the class summary); blocks off the map are not.
    private bool[] OpenBlocks(Level level, LevelGeometry geometry)
    {
        var open = new bool[_columns * _rows];
        for (var row = 0; row < _rows; row++)
        {
            for (var col = 0; col < _columns; col++)
            {
                open[(row * _columns) + col] = geometry.SectorAt(_grid.OriginX + ((col + 0.5) * BlockSize), _grid.OriginY + ((row + 0.5) * BlockSize)) >= 0;
            }
        }

        for (var line = 0; line < level.Linedefs.Length; line++)
        {
            if (Unthinking(level, line))
            {
                continue;
            }

            // Every block the line passes through (sampled at a quarter block).
            var (x1, y1, x2, y2) = geometry.Segment(line);
            var samples = (int)Math.Ceiling(geometry.Length(line) / (BlockSize / 4)) + 1;
            for (var i = 0; i <= samples; i++)
            {
                var (x, y) = (x1 + ((x2 - x1) * i / samples), y1 + ((y2 - y1) * i / samples));
                int col = ColumnOf(x), row = RowOf(y);
                if (col >= 0 && row >= 0 && col < _columns && row < _rows)
                {
                    open[(row * _columns) + col] = false;
                }
            }
        }

        return open;
    }

    private static bool Unthinking(Level level, int line)
    {
        ref readonly var def = ref level.Linedefs.ItemRef(line);
        if (def.FrontSide < 0 || def.BackSide < 0 || def.Special != 0 || (def.Flags & LinedefFlags.Impassable) != 0)
        {
            return false;
        }

        ref readonly var front = ref level.Sectors.ItemRef(level.Sidedefs[def.FrontSide].Sector);
        ref readonly var back = ref level.Sectors.ItemRef(level.Sidedefs[def.BackSide].Sector);
        return Math.Abs(front.FloorHeight - back.FloorHeight) <= NavGrid.MaxStepUp &&
               Math.Min(front.CeilingHeight, back.CeilingHeight) - Math.Max(front.FloorHeight, back.FloorHeight) >= NavGrid.BodyHeight;
    }

    private int ColumnOf(double x) => (int)Math.Floor((x - _grid.OriginX) / BlockSize);

    private int RowOf(double y) => (int)Math.Floor((y - _grid.OriginY) / BlockSize);

    private int BlockOf(double x, double y) =>
        ((int)((y - _grid.OriginY) / BlockSize) * _columns) + (int)((x - _grid.OriginX) / BlockSize);
}
