using RlGameTester.Doom.Checks;
using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Doom.Views;

/// <summary>
/// Chooses where to stand to look at a finding: a spot inside a sector with room for a player (56 high, the 16-unit
/// body clear of walls), on the side of the element the problem is on, 64-256 units back, from which no wall or
/// closed door stands between the eye and the element; facing the element's centre. Candidates are tried in a fixed
/// order (straight in front first, then turning away; the middle distance first), so the same level and target give
/// the same view. One finder per thread (it reuses a list); the geometry is only read.
/// </summary>
public sealed class ViewFinder(LevelGeometry geometry)
{
    /// <summary>Doom's player height: a spot under a lower ceiling is no place to stand.</summary>
    public const int PlayerHeight = 56;

    /// <summary>Doom's player radius: the body must clear every wall by this much.</summary>
    public const int BodyRadius = 16;

    // A floor further than this from the element's own sector's is "not the same room" and only tried when nothing
    // nearer fits (a view from a ledge far above still shows the element, but a player rarely sees it from there).
    private const int FloorReach = 64;

    // Far enough to frame a wall or a thing in a 90-degree view, near enough that it is not a few pixels; the near ones
    // last, for a defect inside a narrow pit or trench.
    private static readonly int[] Distances = [160, 128, 96, 224, 256, 64, 40, 24];

    // Straight in front first; past 60 degrees a wall is seen too edge-on to show what is wrong with it.
    private static readonly int[] Turns = [0, 20, -20, 40, -40, 60, -60];

    private readonly Level _level = geometry.Level;
    private readonly List<int> _lines = [];

    /// <summary>The view of the target, or null when the element is unknown or no spot a player can stand at sees it.</summary>
    public FindingView? Choose(ViewTarget target)
    {
        if (Aim(target) is not { } aim)
        {
            return null;
        }

        // Where the play stopped, facing the blocker (or, with no element to face, the way a map is read: north).
        if (target.StandsAtPlace && Standable(target.X, target.Y, aim.Sector, strict: false) is { } placeSector
            && (Distance(target.X, target.Y, aim.X, aim.Y) < 1 || Sees(target.X, target.Y, aim)))
        {
            return At(target.X, target.Y, placeSector, aim);
        }

        if (Search(aim) is { } found)
        {
            return found;
        }

        // A wall facing a sector no one can stand in (an inverted or closed one) is looked at from any side, the sector's
        // own lines not hiding it.
        if (aim.Line >= 0 && Search(Around(aim.X, aim.Y) with { Sector = aim.Sector, Line = aim.Line, SeenSector = aim.Sector ?? -1 }) is { } around)
        {
            return around;
        }

        // Nothing in front sees it: a place a player stood at is still where the play stopped.
        return target.StandsAtPlace && Standable(target.X, target.Y, aim.Sector, strict: false) is { } stood
            ? At(target.X, target.Y, stood, aim)
            : null;
    }

    private FindingView? Search(Aim aim)
    {
        foreach (var strict in (ReadOnlySpan<bool>)[true, false])
        {
            foreach (var distance in Distances)
            {
                foreach (var (dx, dy) in Directions(aim))
                {
                    var (x, y) = (aim.X + (dx * distance), aim.Y + (dy * distance));
                    if (Standable(x, y, aim.Sector, strict) is { } sector && Sees(x, y, aim))
                    {
                        return At(x, y, sector, aim);
                    }
                }
            }
        }

        return null;
    }

    private static FindingView At(double x, double y, int sector, Aim aim)
    {
        var angle = Distance(x, y, aim.X, aim.Y) < 1 ? aim.FacingAngle : Math.Atan2(aim.Y - y, aim.X - x) * 180 / Math.PI;
        return new FindingView(new ViewPoint(x, y, angle < 0 ? angle + 360 : angle), sector, aim.X, aim.Y);
    }

    /// <summary>The point to face, the side of it to stand on (a unit normal, or none: any side) and the sector it is seen from.</summary>
    private Aim? Aim(ViewTarget target)
    {
        switch (target.Element)
        {
            case ElementKind.Side when target.Index is { } side && side >= 0 && side < _level.Sidedefs.Length:
                for (var i = 0; i < _level.Linedefs.Length; i++)
                {
                    var line = _level.Linedefs.ItemRef(i);
                    if (line.FrontSide == side || line.BackSide == side)
                    {
                        return OfSide(i, line.FrontSide == side);
                    }
                }

                return Around(target.X, target.Y);
            case ElementKind.Line when target.Index is { } index && index >= 0 && index < _level.Linedefs.Length:
                return OfSide(index, FacingSide(index));
            case ElementKind.Thing when target.Index is { } thing && thing >= 0 && thing < _level.Things.Length:
                var t = _level.Things[thing];
                var facing = t.Angle * Math.PI / 180;
                // In front of the thing, looking at its face.
                return new Aim(t.X, t.Y, Math.Cos(facing), Math.Sin(facing), SectorOrNull(t.X, t.Y), -1, (t.Angle + 180) % 360, -1);
            case ElementKind.Sector when target.Index is { } sector && sector >= 0 && sector < _level.Sectors.Length:
                // A closed or inverted sector (a door, a sector whose ceiling is below its floor) is seen from outside:
                // its own lines do not hide it.
                return Around(target.X, target.Y) with { Sector = sector, SeenSector = sector };
            case ElementKind.Vertex when target.Index is { } vertex && vertex >= 0 && vertex < _level.Vertices.Length:
                var v = _level.Vertices[vertex];
                return Around(v.X, v.Y);
            default:
                return Around(target.X, target.Y);
        }
    }

    private Aim Around(double x, double y) => new(x, y, 0, 0, SectorOrNull(x, y), -1, 90, -1);

    /// <summary>A two-sided line is looked at from its lower floor (a step's riser faces down), a one-sided one from its only side.</summary>
    private bool FacingSide(int index)
    {
        var line = _level.Linedefs[index];
        if (line.FrontSide < 0 || line.BackSide < 0)
        {
            return line.FrontSide >= 0;
        }

        var front = _level.Sectors[_level.Sidedefs[line.FrontSide].Sector].FloorHeight;
        var back = _level.Sectors[_level.Sidedefs[line.BackSide].Sector].FloorHeight;
        return front <= back;
    }

    private Aim OfSide(int line, bool front)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        var length = Math.Max(geometry.Length(line), 1e-9);

        // The front side is on the right of the line's direction (start to end).
        var (nx, ny) = ((y2 - y1) / length, -(x2 - x1) / length);
        if (!front)
        {
            (nx, ny) = (-nx, -ny);
        }

        var l = _level.Linedefs[line];
        var side = front ? l.FrontSide : l.BackSide;
        int? sector = side >= 0 && _level.Sidedefs[side].Sector is var s && s >= 0 && s < _level.Sectors.Length ? s : null;

        // A hair in front of the middle, so a sight line to it never crosses the line itself.
        var (mx, my) = geometry.Midpoint(line);
        return new Aim(mx + nx, my + ny, nx, ny, sector, line, Math.Atan2(-ny, -nx) * 180 / Math.PI, -1);
    }

    private IEnumerable<(double X, double Y)> Directions(Aim aim)
    {
        if (aim.NormalX == 0 && aim.NormalY == 0)
        {
            // Any side: sixteen directions round the point, south first (a view facing north, as a map is read).
            for (var i = 0; i < 16; i++)
            {
                var a = (-90 + (i * 22.5)) * Math.PI / 180;
                yield return (Math.Cos(a), Math.Sin(a));
            }

            yield break;
        }

        foreach (var turn in Turns)
        {
            var a = turn * Math.PI / 180;
            var (cos, sin) = (Math.Cos(a), Math.Sin(a));
            yield return ((aim.NormalX * cos) - (aim.NormalY * sin), (aim.NormalX * sin) + (aim.NormalY * cos));
        }
    }

    /// <summary>The sector a player could stand in at (x, y), or null: in the void, under a ceiling lower than a player, a wall within the body's radius, or (strict) on a floor far from the element's.</summary>
    private int? Standable(double x, double y, int? near, bool strict)
    {
        var sector = geometry.SectorAt(x, y);
        if (sector < 0 || sector >= _level.Sectors.Length)
        {
            return null;
        }

        var s = _level.Sectors[sector];
        if (s.CeilingHeight - s.FloorHeight < PlayerHeight)
        {
            return null;
        }

        if (strict && near is { } n && Math.Abs(_level.Sectors[n].FloorHeight - s.FloorHeight) > FloorReach)
        {
            return null;
        }

        geometry.Grid.LinesInBox(x - BodyRadius, y - BodyRadius, x + BodyRadius, y + BodyRadius, _lines);
        foreach (var line in _lines)
        {
            var l = _level.Linedefs.ItemRef(line);
            if (l.BlocksPlayer && DistanceToLine(x, y, line) < BodyRadius)
            {
                return null;
            }
        }

        return sector;
    }

    /// <summary>True when no one-sided wall or closed two-sided line (a shut door, a sealed gap) crosses the sight line.</summary>
    private bool Sees(double x, double y, Aim aim)
    {
        geometry.Grid.LinesInBox(Math.Min(x, aim.X), Math.Min(y, aim.Y), Math.Max(x, aim.X), Math.Max(y, aim.Y), _lines);
        foreach (var line in _lines)
        {
            if (line == aim.Line || !Crosses(x, y, aim.X, aim.Y, line))
            {
                continue;
            }

            var l = _level.Linedefs.ItemRef(line);
            if (aim.SeenSector >= 0 && (SectorOf(l.FrontSide) == aim.SeenSector || SectorOf(l.BackSide) == aim.SeenSector))
            {
                continue;
            }

            if (l.FrontSide < 0 || l.BackSide < 0)
            {
                return false;
            }

            var front = _level.Sectors[_level.Sidedefs[l.FrontSide].Sector];
            var back = _level.Sectors[_level.Sidedefs[l.BackSide].Sector];
            if (Math.Min(front.CeilingHeight, back.CeilingHeight) <= Math.Max(front.FloorHeight, back.FloorHeight))
            {
                return false;
            }
        }

        return true;
    }

    private bool Crosses(double ax, double ay, double bx, double by, int line)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        var d1 = Cross(x1, y1, x2, y2, ax, ay);
        var d2 = Cross(x1, y1, x2, y2, bx, by);
        var d3 = Cross(ax, ay, bx, by, x1, y1);
        var d4 = Cross(ax, ay, bx, by, x2, y2);
        return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0));
    }

    private static double Cross(double x1, double y1, double x2, double y2, double px, double py) =>
        ((x2 - x1) * (py - y1)) - ((y2 - y1) * (px - x1));

    private double DistanceToLine(double x, double y, int line)
    {
        var (x1, y1, x2, y2) = geometry.Segment(line);
        var (dx, dy) = (x2 - x1, y2 - y1);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((x - x1) * dx) + ((y - y1) * dy)) / lengthSquared, 0, 1);
        return Distance(x, y, x1 + (t * dx), y1 + (t * dy));
    }

    private static double Distance(double x1, double y1, double x2, double y2) => Math.Sqrt(((x2 - x1) * (x2 - x1)) + ((y2 - y1) * (y2 - y1)));

    private int SectorOf(int side) => side >= 0 ? _level.Sidedefs[side].Sector : -1;

    private int? SectorOrNull(double x, double y) => geometry.SectorAt(x, y) is var s && s >= 0 ? s : null;
}
