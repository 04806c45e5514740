using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Geometry;

/// <summary>
/// The sloped floors and ceilings a level sets with Plane_Align (181) lines, as GZDoom's P_SetSlopes builds them, and
/// with UDMF vertex heights (a triangular sector's plane through its corners' <c>zfloor</c>, <c>zceiling</c>): for
/// each such two-sided line in line order, arg0 slopes the floor and arg1 the ceiling of its front (1) or back (2)
/// sector. The plane runs along the line at the other sector's height and through the sector's vertex furthest from
/// the line (the first of them) at the sector's own height. Only levels with Hexen-numbered specials (Hexen format,
/// UDMF's ZDoom namespaces) read 181 this way; in Doom's numbering it is a Boom platform.
/// A sector's height stays its rest height for every rule that reads one (neighbour searches, movers); a slope is an
/// offset from it at each point, which moves with the sector.
/// </summary>
public sealed class SectorSlopes
{
    /// <summary>Plane_Align's number among Hexen's specials.</summary>
    public const int PlaneAlign = 181;

    private readonly Plane?[] _floors;
    private readonly Plane?[] _ceilings;

    private SectorSlopes(Plane?[] floors, Plane?[] ceilings)
    {
        _floors = floors;
        _ceilings = ceilings;
        Any = floors.Any(p => p is not null) || ceilings.Any(p => p is not null);
    }

    /// <summary>Whether any floor or ceiling of the level is sloped.</summary>
    public bool Any { get; }

    public static SectorSlopes Of(Level level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var count = level.Sectors.Length;
        var floors = new Plane?[count];
        var ceilings = new Plane?[count];
        List<int>[]? linesOfSector = null;
        for (var i = 0; i < level.Linedefs.Length && !level.UsesDoomSpecials; i++)
        {
            ref readonly var line = ref level.Linedefs.ItemRef(i);
            if (line.Special != PlaneAlign || line.FrontSide < 0 || line.BackSide < 0)
            {
                continue;
            }

            linesOfSector ??= LinesOfSectors(level);
            int front = level.Sidedefs.ItemRef(line.FrontSide).Sector, back = level.Sidedefs.ItemRef(line.BackSide).Sector;
            for (var which = 0; which < 2; which++)
            {
                var side = (which == 0 ? line.Args.Arg0 : line.Args.Arg1) & 3;
                if (side is not (1 or 2))
                {
                    continue;
                }

                int sector = side == 1 ? front : back, other = side == 1 ? back : front;
                var planes = which == 0 ? floors : ceilings;
                planes[sector] = Align(level, line, linesOfSector[sector], sector, other, ceiling: which == 1) ?? planes[sector];
            }
        }

        if (level.VertexHeights.Count > 0)
        {
            linesOfSector ??= LinesOfSectors(level);
            FromVertexHeights(level, linesOfSector, floors, ceilings);
        }

        return new SectorSlopes(floors, ceilings);
    }

    public bool FloorSloped(int sector) => _floors[sector] is not null;

    public bool CeilingSloped(int sector) => _ceilings[sector] is not null;

    public bool Sloped(int sector) => _floors[sector] is not null || _ceilings[sector] is not null;

    /// <summary>How far the floor at a point lies above the sector's floor height (0 where it is flat).</summary>
    public double FloorOffset(int sector, double x, double y) => _floors[sector] is { } p ? p.Z(x, y) - p.Rest : 0;

    /// <summary>How far the ceiling at a point lies above the sector's ceiling height (0 where it is flat).</summary>
    public double CeilingOffset(int sector, double x, double y) => _ceilings[sector] is { } p ? p.Z(x, y) - p.Rest : 0;

    /// <summary>
    /// The point of a segment nearest to (x, y): where GZDoom's PIT_CheckLine takes a sloped opening's heights for a
    /// box that line crosses.
    /// </summary>
    public static (double X, double Y) NearestOnSegment(double x1, double y1, double x2, double y2, double x, double y)
    {
        double dx = x2 - x1, dy = y2 - y1;
        var length = (dx * dx) + (dy * dy);
        var r = length > 0 ? Math.Clamp((((x - x1) * dx) + ((y - y1) * dy)) / length, 0, 1) : 0;
        return (x1 + (r * dx), y1 + (r * dy));
    }

    // P_AlignPlane: the plane through the line at the other sector's height and the furthest vertex at the sector's own.
    private static Plane? Align(Level level, in Linedef line, List<int> sectorLines, int sector, int other, bool ceiling)
    {
        var a = level.Vertices.ItemRef(line.Start);
        var b = level.Vertices.ItemRef(line.End);
        double dx = b.X - a.X, dy = b.Y - a.Y;
        var best = 0.0;
        Vertex? far = null;
        foreach (var index in sectorLines)
        {
            ref readonly var l = ref level.Linedefs.ItemRef(index);
            foreach (var v in (ReadOnlySpan<int>)[l.Start, l.End])
            {
                var vertex = level.Vertices.ItemRef(v);
                var distance = Math.Abs(((a.Y - vertex.Y) * dx) - ((a.X - vertex.X) * dy));
                if (distance > best)
                {
                    best = distance;
                    far = vertex;
                }
            }
        }

        if (far is not { } r)
        {
            // Every vertex lies on the line: no plane, as in GZDoom (whose zero normal leaves the sector flat).
            return null;
        }

        ref readonly var own = ref level.Sectors.ItemRef(sector);
        ref readonly var theirs = ref level.Sectors.ItemRef(other);
        double rest = ceiling ? own.CeilingHeight : own.FloorHeight, along = ceiling ? theirs.CeilingHeight : theirs.FloorHeight;

        // Normal = (dx, dy, 0) x (rx - ax, ry - ay, rest - along); z at a point from a.x*nx + a.y*ny + along*nz + d = 0.
        double ux = r.X - a.X, uy = r.Y - a.Y, uz = rest - along;
        double nx = dy * uz, ny = -dx * uz, nz = (dx * uy) - (dy * ux);
        if (nz == 0)
        {
            return null;
        }

        return new Plane(nx / nz, ny / nz, a.X, a.Y, along, rest);
    }

    // GZDoom's SetSlopesFromVertexHeights: a sector of exactly three lines whose vertices give a zfloor (zceiling) gets
    // the plane through them, each vertex at its own height or, without one, the sector's.
    private static void FromVertexHeights(Level level, List<int>[] linesOfSector, Plane?[] floors, Plane?[] ceilings)
    {
        for (var s = 0; s < linesOfSector.Length; s++)
        {
            if (linesOfSector[s] is not [var first, var second, _])
            {
                continue;
            }

            ref readonly var a = ref level.Linedefs.ItemRef(first);
            ref readonly var b = ref level.Linedefs.ItemRef(second);
            int[] corners = [a.Start, a.End, b.Start == a.Start || b.Start == a.End ? b.End : b.Start];
            ref readonly var sector = ref level.Sectors.ItemRef(s);
            for (var which = 0; which < 2; which++)
            {
                var rest = which == 0 ? sector.FloorHeight : sector.CeilingHeight;
                double? Height(int vertex) => level.VertexHeights.TryGetValue(vertex, out var h) ? which == 0 ? h.Floor : h.Ceiling : null;
                if (corners.All(v => Height(v) is null))
                {
                    continue;
                }

                var p = corners.Select(v => (V: level.Vertices.ItemRef(v), Z: Height(v) ?? rest)).ToArray();
                double ux = p[1].V.X - p[0].V.X, uy = p[1].V.Y - p[0].V.Y, uz = p[1].Z - p[0].Z;
                double vx = p[2].V.X - p[0].V.X, vy = p[2].V.Y - p[0].V.Y, vz = p[2].Z - p[0].Z;
                double nx = (uy * vz) - (uz * vy), ny = (uz * vx) - (ux * vz), nz = (ux * vy) - (uy * vx);
                if (nz != 0)
                {
                    (which == 0 ? floors : ceilings)[s] = new Plane(nx / nz, ny / nz, p[0].V.X, p[0].V.Y, p[0].Z, rest);
                }
            }
        }
    }

    private static List<int>[] LinesOfSectors(Level level)
    {
        var lists = new List<int>[level.Sectors.Length];
        for (var s = 0; s < lists.Length; s++)
        {
            lists[s] = [];
        }

        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            ref readonly var line = ref level.Linedefs.ItemRef(i);
            var front = line.FrontSide >= 0 ? level.Sidedefs.ItemRef(line.FrontSide).Sector : -1;
            var back = line.BackSide >= 0 ? level.Sidedefs.ItemRef(line.BackSide).Sector : -1;
            if (front >= 0)
            {
                lists[front].Add(i);
            }

            if (back >= 0 && back != front)
            {
                lists[back].Add(i);
            }
        }

        return lists;
    }

    // z = Along - Gx * (x - Ax) - Gy * (y - Ay): the plane by its gradient through a point on the line.
    private sealed record Plane(double Gx, double Gy, double Ax, double Ay, double Along, double Rest)
    {
        public double Z(double x, double y) => Along - (Gx * (x - Ax)) - (Gy * (y - Ay));
    }
}
