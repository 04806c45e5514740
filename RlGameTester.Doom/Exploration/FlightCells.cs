namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The cells the jumps found so far pass over or land on. A jump is traced once and kept until something moves; a sector
/// that moves under one may take it away, and a move lost means the reachable sets must be searched again.
/// </summary>
internal sealed class FlightCells
{
    private readonly NavGrid _grid;
    private readonly StepChanges _changes;
    private bool[]? _cells;

    public FlightCells(NavGrid grid, StepChanges changes)
    {
        _grid = grid;
        _changes = changes;
    }

    /// <summary>Marks the cells from <paramref name="from"/> on, <paramref name="cells"/> steps in a direction.</summary>
    public void Mark(int from, int direction, int cells)
    {
        _cells ??= new bool[_grid.Count];
        for (var k = 0; k <= cells; k++)
        {
            _cells[from + (k * _grid.Offsets[direction])] = true;
        }
    }

    /// <summary>A sector moved: when a jump passed over it, the reachable sets are stale.</summary>
    public void SectorMoved(int sector)
    {
        if (_cells is null || _changes.Stale)
        {
            return;
        }

        foreach (var c in _grid.CellsOfSector(sector))
        {
            if (_cells[c])
            {
                _changes.Stale = true;
                return;
            }
        }
    }
}
