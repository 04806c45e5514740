using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// The level as the proof sees it, erring towards the player everywhere: a grid whose box is half a cell smaller than
/// Doom's (so no spot a player can stand in is lost), sector heights anywhere in their <see cref="SectorRanges"/>
/// (each step judged on the heights that suit it best), exploding barrels gone, every key the level gives held, every
/// teleport a player can take (any trigger), and the cells from which an exit can be set off.
/// </summary>
internal sealed class GenerousWorld
{
    private const double UseRange = 64;
    private const double GunRange = 2048;

    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly List<(int Cell, int Value)> _useTeleports = [];
    private readonly List<int> _scratch = [];
    private readonly int[] _standHigh;

    public GenerousWorld(LevelModel model)
    {
        _level = model.Level;
        _geometry = model.Geometry;
        Mechanics = new LevelMechanics(_level, _geometry, model.SkillFlag);
        Ranges = new SectorRanges(_level, _geometry, Mechanics.Movers);
        // Its cells are the play's (the proofs start from the cells the explorer reached). Barrels may be shot out of the
        // way; in the ZDoom family's ports a body may pass beneath a thing hung from the ceiling once the floor under it
        // lowers or the ceiling (which leaves it where it hangs) rises.
        Grid = new NavGrid(_level, _geometry, t => model.ThingPresent[t] && _level.Things[t].Type != Barrels.Type && model.HungBottom(t) is null, shrinkByHalfCell: true, maxCells: model.MaxCells);
        Grid.Recompute(Ranges.ToHeights(_geometry));
        ExitCells = new bool[Grid.Count];
        MarkExits();
        Crossings = new CrossingIndex(Grid, _geometry, Mechanics.Teleports.Where(t => t.Trigger == LineTrigger.Walk).Select(t => t.Line));
        ExitCrossings = new CrossingIndex(Grid, _geometry, Mechanics.ExitLines.Where(e => e.Trigger == LineTrigger.Walk).Select(e => e.Line));
        Arrivals = [];
        for (var i = 0; i < Mechanics.Teleports.Count; i++)
        {
            var teleport = Mechanics.Teleports[i];
            Arrivals[teleport.Line] = ArrivalCells(teleport);
            if (teleport.Trigger is LineTrigger.Switch or LineTrigger.Door)
            {
                foreach (var c in UseCells(teleport.Line))
                {
                    _useTeleports.Add((c, teleport.Line));
                }
            }
        }

        UseTeleports = new CellLists(Grid.Count, _useTeleports);
        _standHigh = new int[Grid.Count];
        for (var c = Grid.Columns + 1; c < Grid.Count - Grid.Columns - 1; c++)
        {
            var high = StandAt(c, int.MaxValue - NavGrid.MaxStepUp, int.MaxValue - NavGrid.MaxStepUp, out var moment);
            _standHigh[c] = Math.Max(Grid.Floor0[c], Math.Max(high, moment));
        }
    }

    public LevelMechanics Mechanics { get; }

    public SectorRanges Ranges { get; }

    /// <summary>Floor0: the lowest floor the box can stand on there, Floor1: the highest, Ceiling: the highest ceiling.</summary>
    public NavGrid Grid { get; }

    /// <summary>Cells from which an exit can be set off (used or shot) or whose floor ends the level.</summary>
    public bool[] ExitCells { get; }

    /// <summary>Walk-over exit lines, by grid step: the level ends when a step across one can be taken.</summary>
    public CrossingIndex ExitCrossings { get; }

    /// <summary>Walk-over teleport lines, by grid step.</summary>
    public CrossingIndex Crossings { get; }

    /// <summary>How high the player can jump (<see cref="Level.PlayerMayJump"/>): about 36 units, an upward speed of 8 lost 1 a tic.</summary>
    public int JumpHeight => _level.PlayerMayJump ? 36 : 0;

    /// <summary>Teleports act only on bodies crossing from the front (Doom-numbered specials; Hexen's are taken either way).</summary>
    public bool FrontOnlyTeleports => _level.UsesDoomSpecials;

    /// <summary>Switch teleport lines usable from each cell.</summary>
    public CellLists UseTeleports { get; }

    /// <summary>Where each teleport line may put the body.</summary>
    public Dictionary<int, int[]> Arrivals { get; }

    /// <summary>The highest a body near the cell may stand: any spot within half a cell touches no sector outside the 3x3 cells' boxes.</summary>
    public int StandHigh(int c) => _standHigh[c];

    /// <summary>
    /// The highest a body near cell <paramref name="c"/> may stand when it comes from a height of at most
    /// <paramref name="from"/>: a floor of a sector its box may touch (sectors at the heights that suit it best) that
    /// it can step up onto, or ride up on once there, no higher than the box fits under the ceiling; <see cref="int.MinValue"/> when it cannot
    /// stand there at all. <paramref name="moment"/> is the highest it may stand for a moment only, on a floor that is
    /// lowering past: it may step on from there, but not climb the same floor on (it only goes down). Footholds for a
    /// moment count only from a <paramref name="steady"/> height, so no body creeps up a lowering floor.
    /// </summary>
    public int StandAt(int c, int from, int steady, out int moment)
    {
        var roof = Grid.Ceiling[c] - NavGrid.BodyHeight;
        var limit = Math.Min(from + NavGrid.MaxStepUp, roof);
        var momentLimit = Math.Min(steady + NavGrid.MaxStepUp, limit);
        moment = int.MinValue;
        if (Grid.Floor0[c] > limit)
        {
            return int.MinValue;
        }

        var high = Grid.Floor0[c];
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                foreach (var s in Grid.SectorsTouched(c + (dy * Grid.Columns) + dx))
                {
                    if (Ranges.FloorMin[s] > limit)
                    {
                        continue;
                    }

                    if (Ranges.Rises[s])
                    {
                        // Stepped onto low enough, a floor that rises carries the body as high as it goes.
                        high = Math.Max(high, Math.Min(Ranges.FloorMax[s], roof));
                    }
                    else
                    {
                        // A floor that only lowers is stood on at its top, its bottom, or for a moment in between.
                        high = Math.Max(high, Ranges.FloorMax[s] <= limit ? Ranges.FloorMax[s] : Ranges.FloorMin[s]);
                        if (Ranges.FloorMin[s] <= momentLimit)
                        {
                            moment = Math.Max(moment, Math.Min(Ranges.FloorMax[s], momentLimit));
                        }
                    }
                }
            }
        }

        moment = Math.Max(moment, high);
        return high;
    }

    /// <summary>
    /// Whether a body standing at most at <paramref name="height"/> near cell a may step to its neighbour b with the
    /// sectors at the heights that suit it best: the box fits at b (highest ceiling over lowest floor), b's floor is at
    /// most 24 above, the head clears b's ceiling from a's lowest floor.
    /// </summary>
    public bool CanStep(int a, int b, int height) =>
        Grid.Blocked[b] == NavGrid.Free &&
        Grid.Floor0[b] - height <= NavGrid.MaxStepUp &&
        Grid.Ceiling[b] - Grid.Floor0[b] >= NavGrid.BodyHeight &&
        Grid.Ceiling[b] - Grid.Floor0[a] >= NavGrid.BodyHeight;

    private void MarkExits()
    {
        foreach (var exit in Mechanics.ExitLines)
        {
            var cells = exit.Trigger switch
            {
                LineTrigger.Walk => [],
                LineTrigger.Gun => GunCells(exit.Line),
                _ => UseCells(exit.Line),
            };
            foreach (var c in cells)
            {
                ExitCells[c] = true;
            }
        }

        for (var c = 0; c < Grid.Count; c++)
        {
            if (Grid.CenterSector[c] >= 0 && Mechanics.ExitSectors[Grid.CenterSector[c]] && Grid.Blocked[c] == NavGrid.Free)
            {
                ExitCells[c] = true;
            }
        }
    }

    // The cells whose box, a cell larger than the grid's, the line touches: a body there can step across it.
    private List<int> TouchCells(int line)
    {
        var cells = new List<int>();
        Grid.CellsTouchedByLine(line, cells, Grid.Radius + Grid.CellSize);
        cells.RemoveAll(c => Grid.Blocked[c] != NavGrid.Free);
        return cells;
    }

    // Cells within the use range (and half a cell's diagonal) of the line, on its front for Doom-numbered specials
    // (P_UseSpecialLine refuses the back) or either side for Hexen's, from which some trace to the line meets nothing
    // that always stops it (a one-sided line, a two-sided line closed at every height its sectors can take).
    private List<int> UseCells(int line)
    {
        var frontOnly = _level.UsesDoomSpecials;
        var cells = new List<int>();
        var (x1, y1, x2, y2) = _geometry.Segment(line);
        var reach = UseRange + (Grid.CellSize * 0.75);
        var colLow = Math.Max(0, (int)Math.Floor((Math.Min(x1, x2) - reach - Grid.OriginX) / Grid.CellSize));
        var colHigh = Math.Min(Grid.Columns - 1, (int)Math.Ceiling((Math.Max(x1, x2) + reach - Grid.OriginX) / Grid.CellSize));
        var rowLow = Math.Max(0, (int)Math.Floor((Math.Min(y1, y2) - reach - Grid.OriginY) / Grid.CellSize));
        var rowHigh = Math.Min(Grid.Rows - 1, (int)Math.Ceiling((Math.Max(y1, y2) + reach - Grid.OriginY) / Grid.CellSize));
        for (var r = rowLow; r <= rowHigh; r++)
        {
            for (var col = colLow; col <= colHigh; col++)
            {
                var c = (r * Grid.Columns) + col;
                double px = Grid.X(c), py = Grid.Y(c);
                if (Grid.Blocked[c] == NavGrid.Free && (!frontOnly || NavGrid.OnFront(x1, y1, x2, y2, px, py)) && Traceable(px, py, line, reach))
                {
                    cells.Add(c);
                }
            }
        }

        return cells;
    }

    private bool Traceable(double px, double py, int line, double reach)
    {
        foreach (var (qx, qy) in TraceLines.Aims(_geometry, px, py, line, reach))
        {
            if (TraceLines.Clear(_geometry, px, py, qx, qy, line, _scratch, AlwaysStops))
            {
                return true;
            }
        }

        return false;
    }

    // A line that stops a trace whatever the movers do: one-sided, or closed at every height its sectors can take.
    private bool AlwaysStops(int line) => TraceLines.Shut(_level, line, Ranges.CeilingMax, Ranges.FloorMin);

    // Cells within hitscan range from which some trace reaches the line past everything that always stops it (every
    // other cell tested, its 2x2 block marked).
    private List<int> GunCells(int line)
    {
        var cells = new List<int>();
        var (mx, my) = _geometry.Midpoint(line);
        var reach = (int)Math.Ceiling(GunRange / Grid.CellSize);
        var center = Grid.CellAt(mx, my);
        int col0 = center % Grid.Columns, row0 = center / Grid.Columns;
        for (var r = Math.Max(1, row0 - reach); r <= Math.Min(Grid.Rows - 2, row0 + reach); r += 2)
        {
            for (var col = Math.Max(1, col0 - reach); col <= Math.Min(Grid.Columns - 2, col0 + reach); col += 2)
            {
                var c = (r * Grid.Columns) + col;
                double px = Grid.X(c), py = Grid.Y(c);
                if (((px - mx) * (px - mx)) + ((py - my) * (py - my)) > GunRange * GunRange || !Traceable(px, py, line, GunRange))
                {
                    continue;
                }

                foreach (var n in (ReadOnlySpan<int>)[c, c + 1, c + Grid.Columns, c + Grid.Columns + 1])
                {
                    if (Grid.Blocked[n] == NavGrid.Free)
                    {
                        cells.Add(n);
                    }
                }
            }
        }

        return cells;
    }

    private int[] ArrivalCells(TeleportSource teleport)
    {
        var cells = new HashSet<int>();
        foreach (var (x, y) in teleport.Things)
        {
            if (NearestFree(x, y) is var c && c >= 0)
            {
                cells.Add(c);
            }
        }

        foreach (var line in teleport.Lines)
        {
            cells.UnionWith(TouchCells(line));
        }

        return [.. cells];
    }

    private int NearestFree(double x, double y)
    {
        var center = Grid.CellAt(x, y);
        var reach = (int)Math.Ceiling(NavGrid.BodyRadius / Grid.CellSize);
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var dy = -reach; dy <= reach; dy++)
        {
            for (var dx = -reach; dx <= reach; dx++)
            {
                var c = center + (dy * Grid.Columns) + dx;
                if (c < 0 || c >= Grid.Count || Grid.Blocked[c] != NavGrid.Free)
                {
                    continue;
                }

                var d = Math.Abs(Grid.X(c) - x) + Math.Abs(Grid.Y(c) - y);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }
        }

        return best;
    }
}
