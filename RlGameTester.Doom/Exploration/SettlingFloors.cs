using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Floors on their way down. The explorer moves sectors at once, but Doom lowers a floor its speed a tic
/// (T_MovePlane), and the trajectory validator replays it so: a body that stepped onto a lowered floor, or into the
/// opening it makes, before it got there would climb or squeeze where Doom has no room. The walk waits for such a floor
/// to be down before it steps onto it or off it (a body on it rides it down, and steps off where it ends).
/// </summary>
internal sealed class SettlingFloors
{
    // The validator's replay is a tic lenient either way; the walk is a tic stricter than that.
    private const int Grace = 2;

    private readonly NavGrid _grid;
    private readonly SectorHeights _heights;
    private readonly Dictionary<int, double> _downAt = [];
    private readonly List<(int Sector, int Floor)> _before = [];

    public SettlingFloors(NavGrid grid, SectorHeights heights)
    {
        _grid = grid;
        _heights = heights;
    }

    /// <summary>Notes the sectors' floors before a move, to see afterwards which went down and how far.</summary>
    public void Before(SectorMove move, IReadOnlyList<int> sectors)
    {
        _before.Clear();
        if (move is { Kind: MoveKind.Permanent, Ceiling: false } && move.Speed < SectorMove.InstantSpeed)
        {
            foreach (var sector in sectors)
            {
                _before.Add((sector, _heights.FloorLow[sector]));
            }
        }
    }

    /// <summary>After the move, made at <paramref name="clock"/>: the floors that went down are down that much later.</summary>
    public void After(SectorMove move, double clock)
    {
        foreach (var (sector, floor) in _before)
        {
            var drop = floor - _heights.FloorLow[sector];
            if (drop > 0)
            {
                var down = clock + Math.Ceiling((double)drop / Math.Max(1, move.Speed)) + Grace;
                _downAt[sector] = Math.Max(down, _downAt.GetValueOrDefault(sector));
            }
        }

        _before.Clear();
    }

    /// <summary>The clock by which every floor on its way down under either end of a step is down (0: none is).</summary>
    public double DownBefore(int from, int to) => _downAt.Count == 0 ? 0 : Math.Max(Down(from), Down(to));

    /// <summary>The clock by which the sector's floor is down (0: it is not on its way; an item on it rides it down).</summary>
    public double DownAt(int sector) => _downAt.GetValueOrDefault(sector);

    private double Down(int cell)
    {
        var until = 0.0;
        foreach (var sector in _grid.SectorsTouched(cell))
        {
            until = Math.Max(until, DownAt(sector));
        }

        return until;
    }
}
