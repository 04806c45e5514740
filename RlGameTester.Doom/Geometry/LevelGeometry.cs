using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Geometry;

/// <summary>
/// Geometry derived from a level's lines, built once and shared by checks and metadata: bounds, a
/// spatial grid of lines, each sector's sides, and point-in-sector from the line geometry itself
/// (not from the BSP, which a broken or missing node build would make wrong).
/// </summary>
public sealed class LevelGeometry
{
    // Tests a ray a hair above the point so it never runs exactly through a vertex (map coordinates are
    // whole or fixed-point numbers, so a 1/1024 offset cannot land on another vertex).
    private const double RayOffset = 1.0 / 1024;

    // More separate loops of lines in one sector than any real level draws (a sector with hundreds of pillars has
    // hundreds): past this many, holes are not told from pieces.
    private const int MaxLoopsForHoles = 1024;

    private readonly Level _level;
    private readonly BlockGrid _grid;

    // Line end points copied out of the records once: every proximity test reads them, often millions of times.
    private readonly double[] _segments;
    private readonly SectorEdge[][] _sectorEdges;
    private readonly int[] _frontRegion;
    private readonly int[] _backRegion;
    private readonly List<int> _regionSector = [];
    private SectorSlopes? _slopes;

    public LevelGeometry(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        _level = level;
        _segments = new double[level.Linedefs.Length * 4];
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs.ItemRef(i);
            var a = level.Vertices.ItemRef(line.Start);
            var b = level.Vertices.ItemRef(line.End);
            _segments[i * 4] = a.X;
            _segments[(i * 4) + 1] = a.Y;
            _segments[(i * 4) + 2] = b.X;
            _segments[(i * 4) + 3] = b.Y;
        }

        Bounds = ComputeBounds(level);
        _grid = new BlockGrid(Bounds, level.Linedefs.Length, Segment);

        // Built from the lines (not the sidedefs) so that sidedefs shared by several lines count for each.
        var edges = new List<SectorEdge>[level.Sectors.Length];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = [];
        }

        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            if (line.FrontSide >= 0)
            {
                edges[level.Sidedefs[line.FrontSide].Sector].Add(new SectorEdge(i, true));
            }

            if (line.BackSide >= 0)
            {
                edges[level.Sidedefs[line.BackSide].Sector].Add(new SectorEdge(i, false));
            }
        }

        _sectorEdges = Array.ConvertAll(edges, e => e.ToArray());

        _frontRegion = new int[level.Linedefs.Length];
        _backRegion = new int[level.Linedefs.Length];
        Array.Fill(_frontRegion, -1);
        Array.Fill(_backRegion, -1);
        for (var sector = 0; sector < _sectorEdges.Length; sector++)
        {
            AssignRegions(sector);
        }
    }

    /// <summary>
    /// Number of regions: the separate pieces of sectors. Most sectors are one piece; a sector drawn as two
    /// disjoint areas (a common editing trick) is two regions, so that connectivity does not leap between them.
    /// </summary>
    public int RegionCount => _regionSector.Count;

    public int SectorOfRegion(int region) => _regionSector[region];

    /// <summary>The region a line's side faces, or -1 when that side is missing.</summary>
    public int RegionOfSide(int line, bool front) => front ? _frontRegion[line] : _backRegion[line];

    /// <summary>The region containing a point, or -1 in the void.</summary>
    public int RegionAt(double x, double y)
    {
        var hit = NearestLineTowardsPositiveX(x, y + RayOffset, out var facesFront);
        return hit < 0 ? -1 : RegionOfSide(hit, facesFront);
    }

    /// <summary>The box around every vertex a linedef uses (node-builder vertices lie inside it anyway).</summary>
    public MapBounds Bounds { get; }

    public Level Level => _level;

    /// <summary>The level's sloped floors and ceilings (Plane_Align, UDMF vertex heights), read on first use.</summary>
    public SectorSlopes Slopes => _slopes ??= SectorSlopes.Of(this);

    internal BlockGrid Grid => _grid;

    /// <summary>The lines bounding a sector (a line appears twice when both its sides face the sector).</summary>
    public ReadOnlySpan<SectorEdge> EdgesOfSector(int sector) => _sectorEdges[sector];

    public (double X1, double Y1, double X2, double Y2) Segment(int line)
    {
        var s = _segments.AsSpan(line * 4, 4);
        return (s[0], s[1], s[2], s[3]);
    }

    public double Length(int line)
    {
        var (x1, y1, x2, y2) = Segment(line);
        return Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));
    }

    public (double X, double Y) Midpoint(int line)
    {
        var (x1, y1, x2, y2) = Segment(line);
        return ((x1 + x2) / 2, (y1 + y2) / 2);
    }

    /// <summary>
    /// The sector containing a point, or -1 when the point is in the void (outside every sector).
    /// Casts a ray towards +x and takes the nearest line it crosses: the side of that line facing the
    /// point belongs to the sector the point is in.
    /// </summary>
    public int SectorAt(double x, double y)
    {
        var hit = NearestLineTowardsPositiveX(x, y + RayOffset, out var facesFront);
        if (hit < 0)
        {
            return -1;
        }

        var line = _level.Linedefs[hit];
        var side = facesFront ? line.FrontSide : line.BackSide;
        return side < 0 ? -1 : _level.Sidedefs[side].Sector;
    }

    /// <summary>The line a horizontal ray from (x, y) towards +x meets first, and which side faces the point.</summary>
    internal int NearestLineTowardsPositiveX(double x, double y, out bool facesFront)
    {
        facesFront = false;
        if (y < _grid.OriginY || y > _grid.OriginY + (_grid.Rows * _grid.CellSize) || x > _grid.OriginX + (_grid.Columns * _grid.CellSize))
        {
            return -1;
        }

        var row = _grid.Row(y);
        var best = -1;
        var bestX = double.PositiveInfinity;
        for (var column = _grid.Column(x); column < _grid.Columns; column++)
        {
            foreach (var line in _grid.LinesInCell(column, row))
            {
                var (x1, y1, x2, y2) = Segment(line);
                if ((y1 > y) == (y2 > y))
                {
                    continue;
                }

                var crossX = x1 + ((y - y1) * (x2 - x1) / (y2 - y1));
                if (crossX < x || crossX >= bestX)
                {
                    continue;
                }

                bestX = crossX;
                best = line;
            }

            // Lines are listed in every cell they cross, so a hit inside this column cannot be beaten later.
            if (best >= 0 && bestX <= _grid.OriginX + ((column + 1) * _grid.CellSize))
            {
                break;
            }
        }

        if (best >= 0)
        {
            var (x1, y1, x2, y2) = Segment(best);

            // The front side is on the right of the line's direction (start to end).
            var cross = ((x2 - x1) * (y - y1)) - ((y2 - y1) * (x - x1));
            facesFront = cross <= 0;
        }

        return best;
    }

    /// <summary>
    /// Splits a sector's boundary into loops (lines joined at shared vertices), then merges each loop that is a
    /// hole into the loop around it: what remains are the sector's separate pieces.
    /// </summary>
    private void AssignRegions(int sector)
    {
        var edges = _sectorEdges[sector];
        if (edges.Length == 0)
        {
            return;
        }

        var parent = new int[edges.Length];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }

            return i;
        }

        var edgeAtVertex = new Dictionary<int, int>(edges.Length * 2);
        void Join(int edge, int vertex)
        {
            if (edgeAtVertex.TryGetValue(vertex, out var other))
            {
                parent[Find(edge)] = Find(other);
            }
            else
            {
                edgeAtVertex.Add(vertex, edge);
            }
        }

        for (var i = 0; i < edges.Length; i++)
        {
            ref readonly var line = ref _level.Linedefs.ItemRef(edges[i].Line);
            Join(i, line.Start);
            Join(i, line.End);
        }

        var loops = new Dictionary<int, List<int>>();
        for (var i = 0; i < edges.Length; i++)
        {
            var root = Find(i);
            if (!loops.TryGetValue(root, out var list))
            {
                list = [];
                loops.Add(root, list);
            }

            list.Add(i);
        }

        var loopRoots = loops.Keys.ToList();
        var pieceOf = new Dictionary<int, int>();
        if (loopRoots.Count > MaxLoopsForHoles)
        {
            // Which loop lies inside which is a test of every pair: a hostile sector of thousands of separate lines
            // would cost minutes. Past the cap its loops are taken as one piece, which only joins what may be apart.
            foreach (var root in loopRoots)
            {
                pieceOf[root] = loopRoots[0];
            }

            pieceOf.Remove(loopRoots[0]);
        }
        else if (loopRoots.Count > 1)
        {
            // A loop inside an odd number of this sector's other loops is a hole of the innermost of them (only loops
            // whose box holds the point are tested edge by edge).
            var boxes = loopRoots.ToDictionary(r => r, r => Box(edges, loops[r]));
            foreach (var root in loopRoots)
            {
                var probe = _level.Vertices[_level.Linedefs[edges[loops[root][0]].Line].Start];
                var containers = loopRoots.Where(r => r != root && boxes[r].Contains(probe.X, probe.Y) && Contains(edges, loops[r], probe.X, probe.Y)).ToList();
                if (containers.Count % 2 == 1)
                {
                    pieceOf[root] = containers.OrderBy(r => boxes[r].Area).First();
                }
            }
        }

        var regionOfRoot = new Dictionary<int, int>();
        int RegionFor(int root)
        {
            var outer = root;
            for (var guard = 0; guard < loopRoots.Count && pieceOf.TryGetValue(outer, out var container); guard++)
            {
                outer = container;
            }

            if (!regionOfRoot.TryGetValue(outer, out var region))
            {
                region = _regionSector.Count;
                _regionSector.Add(sector);
                regionOfRoot.Add(outer, region);
            }

            return region;
        }

        foreach (var root in loopRoots)
        {
            var region = RegionFor(root);
            foreach (var i in loops[root])
            {
                if (edges[i].IsFront)
                {
                    _frontRegion[edges[i].Line] = region;
                }
                else
                {
                    _backRegion[edges[i].Line] = region;
                }
            }
        }
    }

    private bool Contains(SectorEdge[] edges, List<int> loop, double x, double y)
    {
        y += RayOffset;
        var inside = false;
        foreach (var i in loop)
        {
            var (x1, y1, x2, y2) = Segment(edges[i].Line);
            if ((y1 > y) != (y2 > y) && x < x1 + ((y - y1) * (x2 - x1) / (y2 - y1)))
            {
                inside = !inside;
            }
        }

        return inside;
    }

    private MapBounds Box(SectorEdge[] edges, List<int> loop)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var i in loop)
        {
            var (x1, y1, x2, y2) = Segment(edges[i].Line);
            minX = Math.Min(minX, Math.Min(x1, x2));
            maxX = Math.Max(maxX, Math.Max(x1, x2));
            minY = Math.Min(minY, Math.Min(y1, y2));
            maxY = Math.Max(maxY, Math.Max(y1, y2));
        }

        return new MapBounds(minX, minY, maxX, maxY);
    }

    private static MapBounds ComputeBounds(Level level)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        void Include(Vertex v)
        {
            minX = Math.Min(minX, v.X);
            minY = Math.Min(minY, v.Y);
            maxX = Math.Max(maxX, v.X);
            maxY = Math.Max(maxY, v.Y);
        }

        foreach (var line in level.Linedefs)
        {
            Include(level.Vertices[line.Start]);
            Include(level.Vertices[line.End]);
        }

        if (double.IsInfinity(minX))
        {
            foreach (var v in level.Vertices)
            {
                Include(v);
            }
        }

        return double.IsInfinity(minX) ? new MapBounds(0, 0, 0, 0) : new MapBounds(minX, minY, maxX, maxY);
    }
}
