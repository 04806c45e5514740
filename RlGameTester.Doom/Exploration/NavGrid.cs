using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// Where the player's body can stand, on a grid of body-centre positions (8 units apart; coarser for huge maps).
/// For each cell it keeps what Doom's P_CheckPosition looks at for the 32x32 box around that centre: the sectors the
/// box touches (the centre's sector and both sides of every two-sided line crossing the box), whether a one-sided or
/// impassable line crosses it, and whether a solid thing's box overlaps it. Floors and ceilings follow the sector
/// heights of <see cref="SectorHeights"/>, in two configurations (cycling lifts down, or up).
/// </summary>
internal sealed class NavGrid
{
    public const int BodyRadius = 16;
    public const int BodyHeight = 56;
    public const int MaxStepUp = 24;

    /// <summary>The finest cell, used unless a map needs more than <see cref="MaxCells"/> of them.</summary>
    public const int FineCellSize = 8;

    public const byte Free = 0;
    public const byte Wall = 1;
    public const byte ThingBlocked = 2;
    public const byte Void = 3;

    /// <summary>
    /// The cells a first play's grid may have: a larger map is walked on 16-unit (or coarser) cells, where a ladder of thin
    /// steps or a gap that fits the body only off that grid is missed, and is played again on <see cref="FineMaxCells"/>.
    /// </summary>
    public const int MaxCells = 3_000_000;

    /// <summary>
    /// The cells a second look may take to walk a large map on 8-unit cells (Hacx 2 MAP04, 4.2 million: its ladder's top
    /// step is 8 units deep). Memory and time grow with them: about 150 bytes a cell, 1.6 GB at 11 million.
    /// </summary>
    public const int FineMaxCells = 16_000_000;
    private const double RayOffset = 1.0 / 1024;

    // Blocks of the line grid under a box, and the sectors it touches, for the half-way checks.
    private readonly List<int> _blocks = [];
    private readonly List<int> _halfWaySectors = [];

    private readonly Func<int, double?> _hungBottom;
    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly Func<int, bool> _switchable;

    // Each line's flags as play has them (Line_SetBlocking may change them: ChangeLine).
    private readonly LinedefFlags[] _lineFlags;
    private readonly int[] _touchStart;
    private readonly int[] _touchSectors;
    private readonly int[] _sectorCellStart;
    private readonly int[] _sectorCells;

    // Per touch-list entry of a sloped sector: how far its floor and ceiling lie above the sector's heights where the
    // box meets it (null on a level without slopes).
    private readonly float[]? _floorOffset;
    private readonly float[]? _ceilingOffset;

    // Per cell, the straight steps taken only by creeping up a stair of steps thinner than a cell (see UpdateCreeps):
    // bit d / 2 with lifts down, bit 4 + d / 2 with lifts up.
    private readonly byte[] _creeps;

    /// <param name="shrinkByHalfCell">
    /// Give the box a radius half a cell smaller: then every spot where Doom's 32x32 box fits has a cell within half a
    /// cell whose smaller box fits too, and touches no sector the real box does not, so searches over this grid never
    /// miss a way a player has (they may find ways a player has not).
    /// </param>
    /// <param name="switchable">
    /// Lines whose blocking play may set or clear (<see cref="ChangeLine"/>): a blocking one is laid on the grid as a wall
    /// with its sectors, for the cells it walls to be walked once it is cleared.
    /// </param>
    /// <param name="hungBottom">
    /// How low a thing hung from the ceiling reaches where a body may pass beneath it, or null where things block at any
    /// height: such a thing keeps the body only out of the cells whose floor, at the level's start, leaves no room under it.
    /// </param>
    /// <param name="maxCells">The most cells the grid may have; it is coarsened (16, 32... units) until the map fits.</param>
    public NavGrid(Level level, LevelGeometry geometry, Func<int, bool> thingPresent, bool shrinkByHalfCell = false, Func<int, bool>? switchable = null, Func<int, double?>? hungBottom = null, int maxCells = MaxCells)
    {
        _level = level;
        _hungBottom = hungBottom ?? (_ => null);
        _geometry = geometry;
        _switchable = switchable ?? (_ => false);
        _lineFlags = [.. level.Linedefs.Select(l => l.Flags)];
        var bounds = geometry.Bounds;
        CellSize = CellSizeFor(geometry, maxCells);

        Radius = shrinkByHalfCell ? BodyRadius - (CellSize / 2) : BodyRadius;

        // Cell centres sit on multiples of the cell size, as Doom's walls mostly do, so corridors exactly 32 wide fit.
        OriginX = Math.Floor((bounds.MinX - 32) / CellSize) * CellSize;
        OriginY = Math.Floor((bounds.MinY - 32) / CellSize) * CellSize;
        Columns = (int)Math.Ceiling((bounds.MaxX + 32 - OriginX) / CellSize) + 1;
        Rows = (int)Math.Ceiling((bounds.MaxY + 32 - OriginY) / CellSize) + 1;
        Count = Columns * Rows;
        Offsets = [1, 1 + Columns, Columns, Columns - 1, -1, -1 - Columns, -Columns, 1 - Columns];

        CenterSector = new int[Count];
        Blocked = new byte[Count];
        BlockingElement = new int[Count];
        Array.Fill(BlockingElement, -1);
        FindCenterSectors();

        var pairs = new List<long>(Count / 4);
        RasterizeLines(pairs);
        (_touchStart, _touchSectors) = BuildTouchLists(pairs);
        if (geometry.Slopes.Any)
        {
            (_floorOffset, _ceilingOffset) = SlopeOffsets(geometry.Slopes);
        }

        (_sectorCellStart, _sectorCells) = BuildSectorCells();
        MarkThings(thingPresent);

        // The outermost ring is never entered, so neighbour offsets need no bounds checks.
        for (var c = 0; c < Columns; c++)
        {
            Blocked[c] = Void;
            Blocked[Count - 1 - c] = Void;
        }

        for (var r = 0; r < Rows; r++)
        {
            Blocked[r * Columns] = Void;
            Blocked[(r * Columns) + Columns - 1] = Void;
        }

        Floor0 = new int[Count];
        Floor1 = new int[Count];
        Ceiling = new int[Count];
        _creeps = new byte[Count];
    }

    public double CellSize { get; }

    /// <summary>The cell size a grid of at most <paramref name="maxCells"/> cells has on this map.</summary>
    public static int CellSizeFor(LevelGeometry geometry, int maxCells)
    {
        double width = geometry.Bounds.Width + 64, height = geometry.Bounds.Height + 64;
        var size = FineCellSize;
        while ((width / size) * (height / size) > maxCells)
        {
            size *= 2;
        }

        return size;
    }

    /// <summary>Half the side of the body's box on this grid: <see cref="BodyRadius"/>, or less for a generous grid.</summary>
    public double Radius { get; }

    public double OriginX { get; }

    public double OriginY { get; }

    public int Columns { get; }

    public int Rows { get; }

    public int Count { get; }

    /// <summary>Index offsets of the 8 neighbours: E, NE, N, NW, W, SW, S, SE (direction d and d+4 are opposite).</summary>
    public int[] Offsets { get; }

    /// <summary>The sector under each cell's centre, -1 in the void.</summary>
    public int[] CenterSector { get; }

    /// <summary><see cref="Free"/>, <see cref="Wall"/>, <see cref="ThingBlocked"/> or <see cref="Void"/>.</summary>
    public byte[] Blocked { get; }

    /// <summary>For walls, the line; for solid things, the thing; else -1.</summary>
    public int[] BlockingElement { get; }

    /// <summary>Floor under the body with cycling lifts down.</summary>
    public int[] Floor0 { get; }

    /// <summary>Floor under the body with cycling lifts up.</summary>
    public int[] Floor1 { get; }

    /// <summary>Ceiling over the body.</summary>
    public int[] Ceiling { get; }

    public double X(int cell) => OriginX + ((cell % Columns) * CellSize);

    public double Y(int cell) => OriginY + ((cell / Columns) * CellSize);

    /// <summary>The distance between two cells' centres.</summary>
    public double Distance(int a, int b) => Math.Sqrt(Math.Pow(X(b) - X(a), 2) + Math.Pow(Y(b) - Y(a), 2));

    /// <summary>The cell whose centre is nearest to a point (clamped into the grid).</summary>
    public int CellAt(double x, double y)
    {
        var c = Math.Clamp((int)Math.Round((x - OriginX) / CellSize), 0, Columns - 1);
        var r = Math.Clamp((int)Math.Round((y - OriginY) / CellSize), 0, Rows - 1);
        return (r * Columns) + c;
    }

    public ReadOnlySpan<int> SectorsTouched(int cell) => _touchSectors.AsSpan(_touchStart[cell], _touchStart[cell + 1] - _touchStart[cell]);

    public ReadOnlySpan<int> CellsOfSector(int sector) => _sectorCells.AsSpan(_sectorCellStart[sector], _sectorCellStart[sector + 1] - _sectorCellStart[sector]);

    /// <summary>Recomputes every cell's floor and ceiling from the sector heights.</summary>
    public void Recompute(SectorHeights heights)
    {
        for (var cell = 0; cell < Count; cell++)
        {
            RecomputeCell(cell, heights);
        }
    }

    /// <summary>Recomputes the cells whose box touches a sector that moved.</summary>
    public void RecomputeSector(int sector, SectorHeights heights)
    {
        foreach (var cell in CellsOfSector(sector))
        {
            RecomputeCell(cell, heights);
        }
    }

    /// <summary>
    /// Doom's P_TryMove for a body standing at <paramref name="from"/>'s floor moving to <paramref name="to"/>: the box fits
    /// (ceiling - floor >= 56), the step up is at most 24 (or is a creep up a stair of thin steps, <see cref="UpdateCreeps"/>),
    /// the head clears the new ceiling; any drop is fine.
    /// </summary>
    public bool CanMove(int from, int to, int config)
    {
        if (Blocked[to] != Free)
        {
            return false;
        }

        var floors = config == 0 ? Floor0 : Floor1;
        return Climbs(floors[from], floors[to], Ceiling[to]) || (_creeps[from] != 0 && Creeps(from, to, config));
    }

    /// <summary>The step is taken only by creeping up a stair of thin steps (<see cref="UpdateCreeps"/>), lifts as the configuration has them.</summary>
    public bool IsCreep(int from, int to, int config)
    {
        var floors = config == 0 ? Floor0 : Floor1;
        return _creeps[from] != 0 && !Climbs(floors[from], floors[to], Ceiling[to]) && Creeps(from, to, config);
    }

    /// <summary>The step is taken only by creeping, with lifts either way.</summary>
    public bool IsCreepEither(int from, int to) => IsCreep(from, to, 0) || IsCreep(from, to, 1);

    /// <summary>
    /// Works out which straight steps from the cell the body takes by creeping up a stair whose steps are thinner than a
    /// cell: the step between the two cells climbs more than 24, but no advance of the box by a unit on the way climbs more
    /// than 24, and the body has room all along. Doom's P_TryMove refuses a move that climbs more than 24 at once, not a
    /// stair of 24-unit steps 4 units deep (Hacx 2 MAP04's): a player pushing on is stopped at a step and climbs it with the
    /// next tic's small move. The walk takes such a step slowly (<see cref="CreepSpeed"/>).
    /// </summary>
    public void UpdateCreeps(int cell, SectorHeights heights)
    {
        var bits = 0;
        for (var d = 0; d < 8; d += 2)
        {
            for (var config = 0; config < 2; config++)
            {
                if (CreepsUp(cell, d, config, heights))
                {
                    bits |= 1 << ((4 * config) + (d / 2));
                }
            }
        }

        _creeps[cell] = (byte)bits;
    }

    /// <summary>Units a tic the walk creeps up a stair of thin steps: every tic's move climbs at most one of them.</summary>
    public const double CreepSpeed = 1;

    private bool Creeps(int from, int to, int config)
    {
        for (var d = 0; d < 8; d += 2)
        {
            if (to - from == Offsets[d])
            {
                return ((_creeps[from] >> ((4 * config) + (d / 2))) & 1) != 0;
            }
        }

        return false;
    }

    // Whether the floors of the sectors either cell's box touches climb from one height to another in rises of 24 at most:
    // every box between the cells touches only those, so without such a ladder of floors (a ledge) there is no creeping
    // up, and the unit-by-unit look is spared. A slope's floors are no ladder: those levels are looked at unit by unit.
    private bool StepsBetween(int from, int to, int low, int high, int config, SectorHeights heights)
    {
        if (_floorOffset is not null)
        {
            return true;
        }

        var floors = config == 0 ? heights.FloorLow : heights.FloorHigh;
        var z = low;
        bool climbed;
        do
        {
            // The highest floor within a step of z: the body climbs there next.
            climbed = false;
            var next = z;
            foreach (var cell in (ReadOnlySpan<int>)[from, to])
            {
                for (var i = _touchStart[cell]; i < _touchStart[cell + 1]; i++)
                {
                    var floor = floors[_touchSectors[i]];
                    if (floor > next && floor - z <= MaxStepUp)
                    {
                        next = floor;
                        climbed = true;
                    }
                }
            }

            z = next;
        }
        while (climbed && z < high);

        return z >= high;
    }

    // A wall or solid thing in a box between two straight neighbours is in one of their boxes (the two make up every box
    // between them), so both being free leaves only the heights to look at, a unit at a time.
    private bool CreepsUp(int from, int direction, int config, SectorHeights heights)
    {
        // The outermost ring is never free, so a free cell's neighbours are on the grid.
        if (Blocked[from] != Free)
        {
            return false;
        }

        var to = from + Offsets[direction];
        var floors = config == 0 ? Floor0 : Floor1;
        var z = floors[from];
        var rise = floors[to] - z;
        if (rise <= MaxStepUp || rise > MaxStepUp * CellSize || Blocked[to] != Free || Ceiling[to] - floors[to] < BodyHeight ||
            !StepsBetween(from, to, z, floors[to], config, heights))
        {
            return false;
        }

        int dx = direction == 0 ? 1 : direction == 4 ? -1 : 0, dy = direction == 2 ? 1 : direction == 6 ? -1 : 0;
        for (var t = 1; t < CellSize; t++)
        {
            double x = X(from) + (dx * t), y = Y(from) + (dy * t);
            if (!BoxSectors(x, y))
            {
                return false;
            }

            var (f0, f1, ceiling) = BoxHeights(x, y, heights);
            var floor = config == 0 ? f0 : f1;
            if (!Climbs(z, floor, ceiling))
            {
                return false;
            }

            z = floor;
        }

        return Climbs(z, floors[to], Ceiling[to]);
    }

    public bool CanMoveEither(int from, int to) => CanMove(from, to, 0) || CanMove(from, to, 1);

    /// <summary>The body fits standing in the cell.</summary>
    public bool Fits(int cell) =>
        Blocked[cell] == Free && (Ceiling[cell] - Floor0[cell] >= BodyHeight || Ceiling[cell] - Floor1[cell] >= BodyHeight);

    /// <summary>
    /// On a grid coarser than 8 units, the direction of the first of two straight steps to go round by, or -1 for a
    /// straight diagonal step. The diagonal passes half a cell from the corner of whatever keeps the body out of a cell
    /// beside it: on the 8-unit grid that is 4 units, which Doom's box slides round; on a coarser one 8 or more, where no
    /// player goes. So the step goes round by the other cell when the body can go through it (lifts as
    /// <paramref name="config"/> has them); the second step's direction is the other side of the diagonal.
    /// </summary>
    public int RoundBy(int from, int direction, int config)
    {
        if (!CutsCorners(direction))
        {
            return -1;
        }

        var to = from + Offsets[direction];
        int right = (direction + 7) % 8, left = (direction + 1) % 8;
        bool byRight = Through(from, from + Offsets[right], to, config), byLeft = Through(from, from + Offsets[left], to, config);
        return byRight == byLeft ? -1 : byRight ? right : left;
    }

    /// <summary>On a grid coarser than 8 units, whether a diagonal step passes between two cells the body cannot go through.</summary>
    public bool Squeezed(int from, int direction)
    {
        if (!CutsCorners(direction))
        {
            return false;
        }

        var to = from + Offsets[direction];
        var (right, left) = Beside(from, direction);
        return !Through(from, right, to, -1) && !Through(from, left, to, -1);
    }

    // A diagonal step on a grid coarser than 8 units, which can pass a corner by more than Doom's box slides round.
    private bool CutsCorners(int direction) => (direction & 1) == 1 && CellSize > FineCellSize;

    // The two cells beside a diagonal step: right, then left of its direction.
    private (int Right, int Left) Beside(int from, int direction) =>
        (from + Offsets[(direction + 7) % 8], from + Offsets[(direction + 1) % 8]);

    // From one cell to another by a third, lifts as the configuration has them (-1: either way at each step).
    private bool Through(int from, int side, int to, int config) => config < 0
        ? CanMoveEither(from, side) && CanMoveEither(side, to)
        : CanMove(from, side, config) && CanMove(side, to, config);

    /// <summary>
    /// Whether the body at <paramref name="from"/> fits, lifts in either position, in the box half way along its diagonal
    /// step in <paramref name="direction"/>: no wall or solid thing in it, and room and a step it can take under the
    /// floors and ceilings of the sectors it touches. On coarse grids that box is no cell's.
    /// </summary>
    public bool FitsHalfWay(int from, int direction, SectorHeights heights)
    {
        if (!HalfWaySectors(from, direction))
        {
            return false;
        }

        var to = from + Offsets[direction];
        var (f0, f1, ceiling) = BoxHeights((X(from) + X(to)) / 2, (Y(from) + Y(to)) / 2, heights);
        return Climbs(Floor0[from], f0, ceiling) || Climbs(Floor1[from], f1, ceiling);
    }

    // The floors (lifts down, up) and ceiling under a box at a spot from the sectors in _halfWaySectors; on a slope, the
    // heights at that spot (a little high or low where a slope meets a line).
    private (int Floor0, int Floor1, int Ceiling) BoxHeights(double cx, double cy, SectorHeights heights)
    {
        int f0 = int.MinValue, f1 = int.MinValue, ceiling = int.MaxValue;
        var slopes = _geometry.Slopes;
        foreach (var sector in _halfWaySectors)
        {
            int up = (int)Math.Round(slopes.FloorOffset(sector, cx, cy)), down = (int)Math.Round(slopes.CeilingOffset(sector, cx, cy));
            f0 = Math.Max(f0, heights.FloorLow[sector] + up);
            f1 = Math.Max(f1, heights.FloorHigh[sector] + up);
            ceiling = Math.Min(ceiling, heights.Ceiling[sector] + down);
        }

        return (f0, f1, ceiling);
    }

    /// <summary>
    /// For a body flying a diagonal: whether the box half way from <paramref name="from"/> to the next cell meets no wall
    /// or solid thing. Only a coarse grid's cells beside the hop can hide one there.
    /// </summary>
    public bool ClearHalfWay(int from, int direction)
    {
        if (!CutsCorners(direction))
        {
            return true;
        }

        var (right, left) = Beside(from, direction);
        return (Blocked[right] == Free && Blocked[left] == Free) || HalfWaySectors(from, direction);
    }

    // The sectors the box half way along a diagonal step touches (its centre's, both sides of every two-sided line
    // crossing it), into _halfWaySectors; false when a wall or solid thing is in it.
    private bool HalfWaySectors(int from, int direction)
    {
        var to = from + Offsets[direction];
        double cx = (X(from) + X(to)) / 2, cy = (Y(from) + Y(to)) / 2;
        var (right, left) = Beside(from, direction);
        foreach (var cell in (ReadOnlySpan<int>)[from, to, right, left])
        {
            if (Blocked[cell] == ThingBlocked && ThingOverlaps(BlockingElement[cell], cx, cy))
            {
                return false;
            }
        }

        return BoxSectors(cx, cy);
    }

    private bool BoxSectors(double cx, double cy) => BoxSectors(cx, cy, out _);

    // The sectors a box at a spot touches (its centre's, both sides of every two-sided line crossing it), into
    // _halfWaySectors; false when a one-sided or impassable line crosses it (that line, else -1), or its centre is in the void.
    private bool BoxSectors(double cx, double cy, out int wall)
    {
        wall = -1;
        var sectors = _halfWaySectors;
        sectors.Clear();
        var centre = _geometry.SectorAt(cx, cy);
        if (centre < 0)
        {
            return false;
        }

        sectors.Add(centre);
        _blocks.Clear();
        // The box is smaller than a block of the line grid, so its two diagonals pass every block it overlaps.
        _geometry.Grid.CellsOf(cx - Radius, cy - Radius, cx + Radius, cy + Radius, _blocks);
        _geometry.Grid.CellsOf(cx - Radius, cy + Radius, cx + Radius, cy - Radius, _blocks);
        foreach (var block in _blocks)
        {
            foreach (var line in _geometry.Grid.LinesInCell(block % _geometry.Grid.Columns, block / _geometry.Grid.Columns))
            {
                var (x1, y1, x2, y2) = _geometry.Segment(line);
                if (!Touches(x1, y1, x2, y2, cx, cy, Radius))
                {
                    continue;
                }

                ref readonly var def = ref _level.Linedefs.ItemRef(line);
                if (BlocksNow(line))
                {
                    wall = line;
                    return false;
                }

                sectors.Add(_level.Sidedefs.ItemRef(def.FrontSide).Sector);
                sectors.Add(_level.Sidedefs.ItemRef(def.BackSide).Sector);
            }
        }

        return true;
    }

    private static bool Climbs(int z, int floor, int ceiling) =>
        ceiling - floor >= BodyHeight && floor - z <= MaxStepUp && ceiling - z >= BodyHeight;

    // A thing hung from the ceiling a body may pass beneath (hungBottom) keeps it out only where the floor under the box,
    // at the level's start, leaves the body's top above the thing's bottom.
    private bool Blocks(int thing, double cx, double cy)
    {
        if (_hungBottom(thing) is not { } bottom || !BoxSectors(cx, cy))
        {
            return true;
        }

        var floor = int.MinValue;
        foreach (var s in _halfWaySectors)
        {
            floor = Math.Max(floor, _level.Sectors[s].FloorHeight);
        }

        return floor + BodyHeight > bottom;
    }

    private bool ThingOverlaps(int thing, double cx, double cy)
    {
        var t = _level.Things[thing];
        return Specials.SolidScenery.Radius(_level, t.Type) is { } radius &&
            Math.Abs(t.X - cx) < radius + Radius && Math.Abs(t.Y - cy) < radius + Radius && Blocks(thing, cx, cy);
    }

    /// <summary>Whether a segment between two points crosses a one-sided line (other than <paramref name="except"/>).</summary>
    public bool WallBetween(double x1, double y1, double x2, double y2, int except, List<int> scratch)
    {
        scratch.Clear();
        _geometry.Grid.CellsOf(x1, y1, x2, y2, scratch);
        foreach (var gridCell in scratch)
        {
            var column = gridCell % _geometry.Grid.Columns;
            var row = gridCell / _geometry.Grid.Columns;
            foreach (var line in _geometry.Grid.LinesInCell(column, row))
            {
                if (line == except || _level.Linedefs.ItemRef(line).BackSide >= 0)
                {
                    continue;
                }

                var (ax, ay, bx, by) = _geometry.Segment(line);
                if (SegmentsCross(x1, y1, x2, y2, ax, ay, bx, by))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Proper intersection of two segments (touching at an end point does not count).</summary>
    public static bool SegmentsCross(double x1, double y1, double x2, double y2, double x3, double y3, double x4, double y4)
    {
        var d1 = Cross(x3, y3, x4, y4, x1, y1);
        var d2 = Cross(x3, y3, x4, y4, x2, y2);
        var d3 = Cross(x1, y1, x2, y2, x3, y3);
        var d4 = Cross(x1, y1, x2, y2, x4, y4);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    /// <summary>Which side of a line a point is on: true for the front (right of start to end), as the geometry decides.</summary>
    public static bool OnFront(double x1, double y1, double x2, double y2, double px, double py) => Cross(x1, y1, x2, y2, px, py) <= 0;

    /// <summary>
    /// P_PointOnLineSide's front: a point exactly on the line (or its extension) is on the back. Crossings are judged so:
    /// a centre that comes to the line and goes back crosses nothing, whichever side it came from the engine decides.
    /// </summary>
    public static bool OnFrontAsDoom(double x1, double y1, double x2, double y2, double px, double py) => Cross(x1, y1, x2, y2, px, py) < 0;

    /// <summary>Whether a segment crosses the open square of half-size <paramref name="half"/> around (cx, cy), as P_BoxOnLineSide straddles.</summary>
    public static bool Touches(double x1, double y1, double x2, double y2, double cx, double cy, double half)
    {
        if (Math.Max(x1, x2) <= cx - half || Math.Min(x1, x2) >= cx + half ||
            Math.Max(y1, y2) <= cy - half || Math.Min(y1, y2) >= cy + half)
        {
            return false;
        }

        double dx = x2 - x1, dy = y2 - y1;
        double min = double.MaxValue, max = double.MinValue;
        for (var corner = 0; corner < 4; corner++)
        {
            var px = cx + ((corner & 1) == 0 ? -half : half);
            var py = cy + ((corner & 2) == 0 ? -half : half);
            var d = (dx * (py - y1)) - (dy * (px - x1));
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        }

        return min < 0 && max > 0;
    }

    /// <summary>The cells whose box (of this grid's radius) a line touches, row by row.</summary>
    public void CellsTouchedByLine(int line, List<int> result) => CellsTouchedByLine(line, result, Radius);

    /// <summary>The cells whose box of half-size <paramref name="half"/> a line touches, row by row.</summary>
    public void CellsTouchedByLine(int line, List<int> result, double half)
    {
        result.Clear();
        var (x1, y1, x2, y2) = _geometry.Segment(line);
        var rowLow = Math.Max(0, (int)Math.Floor((Math.Min(y1, y2) - half - OriginY) / CellSize));
        var rowHigh = Math.Min(Rows - 1, (int)Math.Ceiling((Math.Max(y1, y2) + half - OriginY) / CellSize));
        for (var r = rowLow; r <= rowHigh; r++)
        {
            var cy = OriginY + (r * CellSize);
            double xa, xb;
            if (y1 == y2)
            {
                xa = x1;
                xb = x2;
            }
            else
            {
                var lowY = Math.Max(Math.Min(y1, y2), cy - half);
                var highY = Math.Min(Math.Max(y1, y2), cy + half);
                if (lowY > highY)
                {
                    continue;
                }

                xa = x1 + ((x2 - x1) * (lowY - y1) / (y2 - y1));
                xb = x1 + ((x2 - x1) * (highY - y1) / (y2 - y1));
            }

            var colLow = Math.Max(0, (int)Math.Floor((Math.Min(xa, xb) - half - OriginX) / CellSize));
            var colHigh = Math.Min(Columns - 1, (int)Math.Ceiling((Math.Max(xa, xb) + half - OriginX) / CellSize));
            for (var c = colLow; c <= colHigh; c++)
            {
                if (Touches(x1, y1, x2, y2, OriginX + (c * CellSize), cy, half))
                {
                    result.Add((r * Columns) + c);
                }
            }
        }
    }

    private static double Cross(double x1, double y1, double x2, double y2, double px, double py) =>
        ((x2 - x1) * (py - y1)) - ((y2 - y1) * (px - x1));

    /// <summary>
    /// The floor under the body at <paramref name="cell"/> with every lift under it at rest: its one floor when nothing
    /// under it moves, else the height it has once the called lifts are back (<see cref="SectorHeights.RestOf"/>); null
    /// over a lift with no rest the run knows (one that moves for ever).
    /// </summary>
    public int? FloorAtRest(int cell, SectorHeights heights)
    {
        if (Floor0[cell] == Floor1[cell])
        {
            return Floor0[cell];
        }

        var floor = int.MinValue;
        for (var i = _touchStart[cell]; i < _touchStart[cell + 1]; i++)
        {
            var s = _touchSectors[i];
            var height = heights.IsAtOneHeight(s) ? heights.FloorLow[s] : heights.RestOf?.Invoke(s);
            if (height is null)
            {
                return null;
            }

            floor = Math.Max(floor, height.Value + FloorOffset(i));
        }

        return floor;
    }

    // A slope's rise of the floor under the box at one of the cells' touched sectors (_touchSectors' index).
    private int FloorOffset(int touch) => _floorOffset is null ? 0 : (int)MathF.Round(_floorOffset[touch]);

    private void RecomputeCell(int cell, SectorHeights heights)
    {
        var start = _touchStart[cell];
        var end = _touchStart[cell + 1];
        if (start == end)
        {
            Floor0[cell] = Floor1[cell] = 0;
            Ceiling[cell] = 0;
            return;
        }

        int f0 = int.MinValue, f1 = int.MinValue, ceiling = int.MaxValue;
        for (var i = start; i < end; i++)
        {
            var s = _touchSectors[i];
            int up = FloorOffset(i), down = _ceilingOffset is null ? 0 : (int)MathF.Round(_ceilingOffset[i]);
            f0 = Math.Max(f0, heights.FloorLow[s] + up);
            f1 = Math.Max(f1, heights.FloorHigh[s] + up);
            ceiling = Math.Min(ceiling, heights.Ceiling[s] + down);
        }

        Floor0[cell] = f0;
        Floor1[cell] = f1;
        Ceiling[cell] = ceiling;
    }

    // Point-in-sector for every cell centre by scanlines: on each row, the nearest line crossing to the right of a
    // centre decides its sector (the same rule as LevelGeometry.SectorAt, without a ray per cell).
    private void FindCenterSectors()
    {
        Array.Fill(CenterSector, -1);
        var lineCount = _level.Linedefs.Length;
        var rowCount = new int[Rows + 1];
        for (var pass = 0; pass < 2; pass++)
        {
            // Pass 0 counts lines per row, pass 1 fills them in.
            var fill = pass == 0 ? null : (int[])rowCount.Clone();
            var rowLines = pass == 0 ? null : new int[rowCount[Rows]];
            for (var line = 0; line < lineCount; line++)
            {
                var (_, y1, _, y2) = _geometry.Segment(line);
                if (y1 == y2)
                {
                    continue;
                }

                var low = Math.Max(0, (int)Math.Ceiling((Math.Min(y1, y2) - RayOffset - OriginY) / CellSize));
                var high = Math.Min(Rows - 1, (int)Math.Floor((Math.Max(y1, y2) - RayOffset - OriginY) / CellSize));
                for (var r = low; r <= high; r++)
                {
                    if (pass == 0)
                    {
                        rowCount[r + 1]++;
                    }
                    else
                    {
                        rowLines![fill![r]++] = line;
                    }
                }
            }

            if (pass == 0)
            {
                for (var r = 0; r < Rows; r++)
                {
                    rowCount[r + 1] += rowCount[r];
                }

                continue;
            }

            var xs = new double[64];
            var sides = new int[64];
            for (var r = 0; r < Rows; r++)
            {
                var y = OriginY + (r * CellSize) + RayOffset;
                var n = 0;
                for (var i = rowCount[r]; i < rowCount[r + 1]; i++)
                {
                    var line = rowLines![i];
                    var (x1, y1, x2, y2) = _geometry.Segment(line);
                    if ((y1 > y) == (y2 > y))
                    {
                        continue;
                    }

                    if (n == xs.Length)
                    {
                        Array.Resize(ref xs, n * 2);
                        Array.Resize(ref sides, n * 2);
                    }

                    xs[n] = x1 + ((y - y1) * (x2 - x1) / (y2 - y1));

                    // A point left of the crossing faces the front when the line runs downwards.
                    ref readonly var def = ref _level.Linedefs.ItemRef(line);
                    var side = y2 < y1 ? def.FrontSide : def.BackSide;
                    sides[n] = side < 0 ? -1 : _level.Sidedefs.ItemRef(side).Sector;
                    n++;
                }

                Array.Sort(xs, sides, 0, n);
                var next = 0;
                for (var c = 0; c < Columns; c++)
                {
                    var x = OriginX + (c * CellSize);
                    while (next < n && xs[next] < x)
                    {
                        next++;
                    }

                    if (next < n)
                    {
                        CenterSector[(r * Columns) + c] = sides[next];
                    }
                }
            }
        }

        for (var cell = 0; cell < Count; cell++)
        {
            if (CenterSector[cell] < 0)
            {
                Blocked[cell] = Void;
            }
        }
    }

    private void RasterizeLines(List<long> pairs)
    {
        var cells = new List<int>();
        for (var line = 0; line < _level.Linedefs.Length; line++)
        {
            ref readonly var def = ref _level.Linedefs.ItemRef(line);
            var blocks = def.BlocksPlayer;
            var front = def.FrontSide < 0 ? -1 : _level.Sidedefs.ItemRef(def.FrontSide).Sector;
            var back = def.BackSide < 0 ? -1 : _level.Sidedefs.ItemRef(def.BackSide).Sector;
            var opens = blocks && back >= 0 && front >= 0 && _switchable(line);
            CellsTouchedByLine(line, cells);
            foreach (var cell in cells)
            {
                if (blocks)
                {
                    if (Blocked[cell] == Free)
                    {
                        Blocked[cell] = Wall;
                        BlockingElement[cell] = line;
                    }

                    if (!opens)
                    {
                        continue;
                    }
                }

                if (front >= 0)
                {
                    pairs.Add(((long)cell << 32) | (uint)front);
                }

                if (back >= 0)
                {
                    pairs.Add(((long)cell << 32) | (uint)back);
                }
            }
        }
    }

    // GZDoom's P_CheckPosition on slopes: the sector under the box's centre counts at the centre, a sector across a line
    // the box crosses at the point of that line nearest the centre; the highest floor and lowest ceiling of those win.
    private (float[] Floor, float[] Ceiling) SlopeOffsets(SectorSlopes slopes)
    {
        var floor = new float[_touchSectors.Length];
        var ceiling = new float[_touchSectors.Length];
        for (var cell = 0; cell < Count; cell++)
        {
            for (var i = _touchStart[cell]; i < _touchStart[cell + 1]; i++)
            {
                var s = _touchSectors[i];
                var centre = s == CenterSector[cell];
                floor[i] = !slopes.FloorSloped(s) ? 0 : centre ? (float)slopes.FloorOffset(s, X(cell), Y(cell)) : float.NegativeInfinity;
                ceiling[i] = !slopes.CeilingSloped(s) ? 0 : centre ? (float)slopes.CeilingOffset(s, X(cell), Y(cell)) : float.PositiveInfinity;
            }
        }

        var cells = new List<int>();
        for (var line = 0; line < _level.Linedefs.Length; line++)
        {
            ref readonly var def = ref _level.Linedefs.ItemRef(line);
            if (def.FrontSide < 0 || def.BackSide < 0)
            {
                continue;
            }

            int front = _level.Sidedefs.ItemRef(def.FrontSide).Sector, back = _level.Sidedefs.ItemRef(def.BackSide).Sector;
            if (!slopes.Sloped(front) && !slopes.Sloped(back))
            {
                continue;
            }

            var (x1, y1, x2, y2) = _geometry.Segment(line);
            CellsTouchedByLine(line, cells);
            foreach (var cell in cells)
            {
                var (px, py) = SectorSlopes.NearestOnSegment(x1, y1, x2, y2, X(cell), Y(cell));
                for (var i = _touchStart[cell]; i < _touchStart[cell + 1]; i++)
                {
                    var s = _touchSectors[i];
                    if ((s == front || s == back) && slopes.Sloped(s))
                    {
                        floor[i] = Math.Max(floor[i], (float)slopes.FloorOffset(s, px, py));
                        ceiling[i] = Math.Min(ceiling[i], (float)slopes.CeilingOffset(s, px, py));
                    }
                }
            }
        }

        for (var i = 0; i < floor.Length; i++)
        {
            floor[i] = float.IsFinite(floor[i]) ? floor[i] : 0;
            ceiling[i] = float.IsFinite(ceiling[i]) ? ceiling[i] : 0;
        }

        return (floor, ceiling);
    }

    private (int[] Start, int[] Sectors) BuildTouchLists(List<long> pairs)
    {
        var start = new int[Count + 1];
        for (var cell = 0; cell < Count; cell++)
        {
            if (CenterSector[cell] >= 0)
            {
                start[cell + 1]++;
            }
        }

        foreach (var pair in pairs)
        {
            start[(int)(pair >> 32) + 1]++;
        }

        for (var cell = 0; cell < Count; cell++)
        {
            start[cell + 1] += start[cell];
        }

        var list = new int[start[Count]];
        var fill = new int[Count];
        for (var cell = 0; cell < Count; cell++)
        {
            fill[cell] = start[cell];
            if (CenterSector[cell] >= 0)
            {
                list[fill[cell]++] = CenterSector[cell];
            }
        }

        foreach (var pair in pairs)
        {
            var cell = (int)(pair >> 32);
            var sector = (int)(pair & 0xFFFFFFFF);
            var exists = false;
            for (var i = start[cell]; i < fill[cell]; i++)
            {
                if (list[i] == sector)
                {
                    exists = true;
                    break;
                }
            }

            if (!exists)
            {
                list[fill[cell]++] = sector;
            }
        }

        // Compact away the room left by duplicates.
        var compactStart = new int[Count + 1];
        var write = 0;
        for (var cell = 0; cell < Count; cell++)
        {
            compactStart[cell] = write;
            for (var i = start[cell]; i < fill[cell]; i++)
            {
                list[write++] = list[i];
            }
        }

        compactStart[Count] = write;
        Array.Resize(ref list, write);
        return (compactStart, list);
    }

    private (int[] Start, int[] Cells) BuildSectorCells()
    {
        var sectors = _level.Sectors.Length;
        var start = new int[sectors + 1];
        foreach (var s in _touchSectors)
        {
            start[s + 1]++;
        }

        for (var s = 0; s < sectors; s++)
        {
            start[s + 1] += start[s];
        }

        var cells = new int[_touchSectors.Length];
        var fill = (int[])start.Clone();
        for (var cell = 0; cell < Count; cell++)
        {
            for (var i = _touchStart[cell]; i < _touchStart[cell + 1]; i++)
            {
                cells[fill[_touchSectors[i]]++] = cell;
            }
        }

        return (start, cells);
    }

    /// <summary>Whether the line stops the body now: one-sided, or blocking by its flags as play has them.</summary>
    public bool BlocksNow(int line)
    {
        ref readonly var def = ref _level.Linedefs.ItemRef(line);
        return def.FrontSide < 0 || def.BackSide < 0 || Linedef.BlocksPlayerWith(_lineFlags[line]);
    }

    /// <summary>Whether a blocking change would let the body through the line, which stops it now.</summary>
    public bool Opens(int line, LineBlockingChange change) =>
        BlocksNow(line) && _level.Linedefs[line].BackSide >= 0 && !Linedef.BlocksPlayerWith(change.Apply(_lineFlags[line]));

    /// <summary>
    /// Line_SetBlocking at run time: the line's flags change, and the cells whose box it crosses are walled, or freed
    /// unless another wall or a solid thing is there too; the cells that changed, for the steps to be worked out again.
    /// Only a line laid on the grid as switchable is freed (see the constructor).
    /// </summary>
    public List<int> ChangeLine(int line, LineBlockingChange change, Func<int, bool> thingPresent)
    {
        var before = BlocksNow(line);
        _lineFlags[line] = change.Apply(_lineFlags[line]);
        var changed = new List<int>();
        if (BlocksNow(line) == before || (before && !_switchable(line)))
        {
            return changed;
        }

        var cells = new List<int>();
        CellsTouchedByLine(line, cells);
        foreach (var cell in cells)
        {
            if (Blocked[cell] == Void)
            {
                continue;
            }

            var (state, element) = Occupant(cell, thingPresent);
            if (state != Blocked[cell] || element != BlockingElement[cell])
            {
                (Blocked[cell], BlockingElement[cell]) = (state, element);
                changed.Add(cell);
            }
        }

        return changed;
    }

    // What keeps the body out of a cell, as the grid was built: a blocking line across its box, else a solid thing.
    private (byte State, int Element) Occupant(int cell, Func<int, bool> thingPresent)
    {
        double cx = X(cell), cy = Y(cell);
        if (!BoxSectors(cx, cy, out var wall) && wall >= 0)
        {
            return (Wall, wall);
        }

        for (var t = 0; t < _level.Things.Length; t++)
        {
            if (thingPresent(t) && ThingOverlaps(t, cx, cy))
            {
                return (ThingBlocked, t);
            }
        }

        return (Free, -1);
    }

    /// <summary>
    /// A solid thing is gone (a barrel shot): the cells it alone kept the body out of are free again; the cells freed,
    /// for the steps to be worked out again.
    /// </summary>
    public List<int> RemoveThing(int thing, Func<int, bool> thingPresent)
    {
        var freed = new List<int>();
        foreach (var cell in CellsUnder(thing))
        {
            if (Blocked[cell] == ThingBlocked && BlockingElement[cell] == thing)
            {
                Blocked[cell] = Free;
                BlockingElement[cell] = -1;
                freed.Add(cell);
            }
        }

        // Another solid thing may overlap some of those cells too.
        for (var t = 0; t < _level.Things.Length; t++)
        {
            if (t != thing && thingPresent(t))
            {
                foreach (var cell in CellsUnder(t))
                {
                    if (Blocked[cell] == Free && freed.Contains(cell))
                    {
                        Blocked[cell] = ThingBlocked;
                        BlockingElement[cell] = t;
                        freed.Remove(cell);
                    }
                }
            }
        }

        return freed;
    }

    // Solid things block the body where their boxes overlap (vanilla things are infinitely tall).
    private void MarkThings(Func<int, bool> thingPresent)
    {
        for (var t = 0; t < _level.Things.Length; t++)
        {
            if (!thingPresent(t))
            {
                continue;
            }

            foreach (var cell in CellsUnder(t))
            {
                if (Blocked[cell] == Free)
                {
                    Blocked[cell] = ThingBlocked;
                    BlockingElement[cell] = t;
                }
            }
        }
    }

    /// <summary>The cells whose box a solid scenery thing overlaps (none for other things).</summary>
    public IEnumerable<int> CellsUnder(int t)
    {
        var thing = _level.Things[t];
        return Specials.SolidScenery.Radius(_level, thing.Type) is { } radius ? CellsNear(thing.X, thing.Y, radius + Radius).Where(c => Blocks(t, X(c), Y(c))) : [];
    }

    /// <summary>The cells whose centre lies less than <paramref name="reach"/> from a point along each axis.</summary>
    public IEnumerable<int> CellsNear(double x, double y, double reach)
    {
        var colLow = Math.Max(0, (int)Math.Floor((x - reach - OriginX) / CellSize));
        var colHigh = Math.Min(Columns - 1, (int)Math.Ceiling((x + reach - OriginX) / CellSize));
        var rowLow = Math.Max(0, (int)Math.Floor((y - reach - OriginY) / CellSize));
        var rowHigh = Math.Min(Rows - 1, (int)Math.Ceiling((y + reach - OriginY) / CellSize));
        for (var r = rowLow; r <= rowHigh; r++)
        {
            for (var c = colLow; c <= colHigh; c++)
            {
                if (Math.Abs(OriginX + (c * CellSize) - x) < reach && Math.Abs(OriginY + (r * CellSize) - y) < reach)
                {
                    yield return (r * Columns) + c;
                }
            }
        }
    }
}
