using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Geometry;

/// <summary>
/// A level's sloped floors and ceilings, as GZDoom builds them. Plane_Align (181) lines, in line order (P_SetSlopes):
/// arg0 slopes the floor and arg1 the ceiling of the line's front (1) or back (2) sector, on a plane that runs along the
/// line at the other sector's height and through the sector's vertex furthest from the line (the first of them) at its
/// own. Only levels with Hexen-numbered specials (Hexen format, UDMF's ZDoom namespaces) read 181 this way; in Doom's
/// numbering it is a Boom platform. Then UDMF vertex heights (SetSlopesFromVertexHeights): a sector of exactly three
/// lines whose corners give a <c>zfloor</c> (<c>zceiling</c>) gets the plane through them, each corner at its own
/// height or, without one, the sector's.
/// A sector's height stays its rest height for every rule that reads one (neighbour searches, movers); a slope is an
/// offset from it at each point, which moves with the sector. Planes are built from the heights drawn
/// (<see cref="Level.DrawnSectors"/>), so a height play gives a sector moves its slope with it.
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

    /// <summary>The slopes of a level, from its lines as <paramref name="geometry"/> groups them by sector.</summary>
    internal static SectorSlopes Of(LevelGeometry geometry)
    {
        var level = geometry.Level;
        var count = level.Sectors.Length;
        var floors = new Plane?[count];
        var ceilings = new Plane?[count];
        for (var i = 0; i < level.Linedefs.Length && !level.UsesDoomSpecials; i++)
        {
            ref readonly var line = ref level.Linedefs.ItemRef(i);
            if (line.Special != PlaneAlign || line.FrontSide < 0 || line.BackSide < 0)
            {
                continue;
            }

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
                planes[sector] = Align(geometry, line, sector, other, ceiling: which == 1) ?? planes[sector];
            }
        }

        if (level.VertexHeights.Count > 0)
        {
            FromVertexHeights(geometry, floors, ceilings);
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
    private static Plane? Align(LevelGeometry geometry, in Linedef line, int sector, int other, bool ceiling)
    {
        var level = geometry.Level;
        var a = level.Vertices.ItemRef(line.Start);
        var b = level.Vertices.ItemRef(line.End);
        double dx = b.X - a.X, dy = b.Y - a.Y;
        var best = 0.0;
        Vertex? far = null;
        foreach (var index in LinesOf(geometry, sector))
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

        // With every vertex on the line there is no plane, as in GZDoom (whose zero normal leaves the sector flat). The
        // heights are those drawn, as the level loads: a sector play gives a 3D floor's space leaves its neighbours' planes.
        ref readonly var own = ref level.DrawnSectors.ItemRef(sector);
        ref readonly var theirs = ref level.DrawnSectors.ItemRef(other);
        double rest = ceiling ? own.CeilingHeight : own.FloorHeight, along = ceiling ? theirs.CeilingHeight : theirs.FloorHeight;
        return far is { } r ? Plane.Through((a.X, a.Y, along), (b.X, b.Y, along), (r.X, r.Y, rest), rest) : null;
    }

    // GZDoom's SetSlopesFromVertexHeights: a sector of exactly three lines whose vertices give a zfloor (zceiling) gets
    // the plane through them, each vertex at its own height or, without one, the sector's.
    private static void FromVertexHeights(LevelGeometry geometry, Plane?[] floors, Plane?[] ceilings)
    {
        var level = geometry.Level;
        for (var s = 0; s < floors.Length; s++)
        {
            if (LinesOf(geometry, s) is not [var first, var second, _])
            {
                continue;
            }

            ref readonly var a = ref level.Linedefs.ItemRef(first);
            ref readonly var b = ref level.Linedefs.ItemRef(second);
            int[] corners = [a.Start, a.End, b.Start == a.Start || b.Start == a.End ? b.End : b.Start];
            ref readonly var sector = ref level.DrawnSectors.ItemRef(s);
            for (var which = 0; which < 2; which++)
            {
                var rest = which == 0 ? sector.FloorHeight : sector.CeilingHeight;
                double? Height(int vertex) => level.VertexHeights.TryGetValue(vertex, out var h) ? which == 0 ? h.Floor : h.Ceiling : null;
                if (corners.All(v => Height(v) is null))
                {
                    continue;
                }

                var p = corners.Select(v => (level.Vertices.ItemRef(v).X, level.Vertices.ItemRef(v).Y, Height(v) ?? rest)).ToArray();
                (which == 0 ? floors : ceilings)[s] = Plane.Through(p[0], p[1], p[2], rest) ?? (which == 0 ? floors : ceilings)[s];
            }
        }
    }

    // The sector's lines, each once, in line order (GZDoom's sector line list).
    private static List<int> LinesOf(LevelGeometry geometry, int sector)
    {
        var lines = new List<int>();
        foreach (var edge in geometry.EdgesOfSector(sector))
        {
            if (lines.Count == 0 || lines[^1] != edge.Line)
            {
                lines.Add(edge.Line);
            }
        }

        return lines;
    }

    // z = Along - Gx * (x - Ax) - Gy * (y - Ay): the plane by its gradient through one of its points.
    private sealed record Plane(double Gx, double Gy, double Ax, double Ay, double Along, double Rest)
    {
        public double Z(double x, double y) => Along - (Gx * (x - Ax)) - (Gy * (y - Ay));

        // The plane through three points (its normal the cross product of two edges), or null when they stand in a line.
        public static Plane? Through((double X, double Y, double Z) p, (double X, double Y, double Z) q, (double X, double Y, double Z) r, double rest)
        {
            double ux = q.X - p.X, uy = q.Y - p.Y, uz = q.Z - p.Z;
            double vx = r.X - p.X, vy = r.Y - p.Y, vz = r.Z - p.Z;
            double nx = (uy * vz) - (uz * vy), ny = (uz * vx) - (ux * vz), nz = (ux * vy) - (uy * vx);
            return nz == 0 ? null : new Plane(nx / nz, ny / nz, p.X, p.Y, p.Z, rest);
        }
    }
}
