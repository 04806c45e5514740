using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Rendering;

namespace RlGameTester.Bench.FrameEval;

/// <summary>
/// Where a player can stand in a level, from its geometry alone: inside a sector (an odd number of its boundary lines
/// crossed on the way out), with headroom for a player (56), and at least a player's radius from any line it could not
/// cross (one-sided, or a step over 24, or no headroom beyond).
/// </summary>
internal sealed class LevelMap
{
    private const double Radius = 20;
    private const int PlayerHeight = 56;
    private const int MaxStep = 24;
    private readonly Level _level;
    private readonly RenderScene _scene;
    private readonly (double X1, double Y1, double X2, double Y2, int Front, int Back)[] _lines;

    public LevelMap(RenderScene scene)
    {
        _scene = scene;
        _level = scene.Level;
        _lines = [.. _level.Linedefs.Select(l =>
        {
            var a = _level.Vertices[l.Start];
            var b = _level.Vertices[l.End];
            var front = l.FrontSide >= 0 ? _level.Sidedefs[l.FrontSide].Sector : -1;
            var back = l.BackSide >= 0 ? _level.Sidedefs[l.BackSide].Sector : -1;
            return (a.X, a.Y, b.X, b.Y, front, back);
        })];
    }

    public Level Level => _level;

    public int SectorAt(double x, double y) => _scene.SectorAt(x, y);

    public int Light(int sector) => _level.Sectors[sector].LightLevel;

    public bool HasHeadroom(int sector) => _level.Sectors[sector].CeilingHeight - _level.Sectors[sector].FloorHeight >= PlayerHeight;

    /// <summary>A player could stand here: inside the sector the BSP names, with headroom, clear of blocking lines.</summary>
    public bool CanStand(double x, double y)
    {
        var sector = SectorAt(x, y);
        if (sector < 0 || sector >= _level.Sectors.Length || !HasHeadroom(sector) || !Inside(x, y, sector))
        {
            return false;
        }

        foreach (var line in _lines)
        {
            if (Blocks(line.Front, line.Back, sector) && DistanceToSegment(x, y, line) < Radius)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A step from one standing place to the next a player could make (no step up over 24, room beyond).</summary>
    public bool CanStep(double fromX, double fromY, double toX, double toY)
    {
        if (!CanStand(toX, toY))
        {
            return false;
        }

        var from = _level.Sectors[SectorAt(fromX, fromY)];
        var to = _level.Sectors[SectorAt(toX, toY)];
        return to.FloorHeight - from.FloorHeight <= MaxStep;
    }

    public int FloorAt(double x, double y) => _level.Sectors[SectorAt(x, y)].FloorHeight;

    public int CeilingAt(double x, double y) => _level.Sectors[SectorAt(x, y)].CeilingHeight;

    /// <summary>The boundary box of a sector's lines.</summary>
    public (double MinX, double MinY, double MaxX, double MaxY) Bounds(int sector)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var l in _lines)
        {
            if (l.Front == sector || l.Back == sector)
            {
                minX = Math.Min(minX, Math.Min(l.X1, l.X2));
                maxX = Math.Max(maxX, Math.Max(l.X1, l.X2));
                minY = Math.Min(minY, Math.Min(l.Y1, l.Y2));
                maxY = Math.Max(maxY, Math.Max(l.Y1, l.Y2));
            }
        }

        return (minX, minY, maxX, maxY);
    }

    /// <summary>
    /// The first one-sided line a ray from the point meets, its distance and its front sidedef; null when none within
    /// <paramref name="maxDistance"/>. Two-sided lines are looked through (the ray follows the eye).
    /// </summary>
    public (int Linedef, int Side, double Distance)? WallAhead(double x, double y, double angleDegrees, double maxDistance)
    {
        var dx = Math.Cos(angleDegrees * Math.PI / 180);
        var dy = Math.Sin(angleDegrees * Math.PI / 180);
        (int, int, double)? best = null;
        var bestT = maxDistance;
        for (var i = 0; i < _lines.Length; i++)
        {
            var line = _lines[i];
            var def = _level.Linedefs[i];
            if (def.BackSide >= 0 || def.FrontSide < 0)
            {
                continue;
            }

            // Ray-segment intersection: x + t*d = a + s*(b - a).
            var ex = line.X2 - line.X1;
            var ey = line.Y2 - line.Y1;
            var denominator = (dx * ey) - (dy * ex);
            if (Math.Abs(denominator) < 1e-9)
            {
                continue;
            }

            var t = (((line.X1 - x) * ey) - ((line.Y1 - y) * ex)) / denominator;
            var s = (((line.X1 - x) * dy) - ((line.Y1 - y) * dx)) / denominator;
            if (t > 0 && t < bestT && s >= 0 && s <= 1)
            {
                bestT = t;
                best = (i, def.FrontSide, t);
            }
        }

        return best;
    }

    private bool Blocks(int front, int back, int standing)
    {
        if (front < 0 || back < 0)
        {
            return true;
        }

        var other = _level.Sectors[front == standing ? back : front];
        var here = _level.Sectors[standing];
        return !HasHeadroom(front == standing ? back : front) || other.FloorHeight - here.FloorHeight > MaxStep
            || Math.Min(other.CeilingHeight, here.CeilingHeight) - Math.Max(other.FloorHeight, here.FloorHeight) < PlayerHeight;
    }

    /// <summary>Even-odd test against the lines that have the sector on exactly one side (the BSP alone answers outside the map too).</summary>
    private bool Inside(double x, double y, int sector)
    {
        var crossings = 0;
        foreach (var l in _lines)
        {
            if ((l.Front == sector) == (l.Back == sector))
            {
                continue;
            }

            if ((l.Y1 > y) != (l.Y2 > y))
            {
                var atX = l.X1 + ((y - l.Y1) * (l.X2 - l.X1) / (l.Y2 - l.Y1));
                if (atX > x)
                {
                    crossings++;
                }
            }
        }

        return crossings % 2 == 1;
    }

    private static double DistanceToSegment(double x, double y, (double X1, double Y1, double X2, double Y2, int Front, int Back) l)
    {
        var ex = l.X2 - l.X1;
        var ey = l.Y2 - l.Y1;
        var length = (ex * ex) + (ey * ey);
        var t = length == 0 ? 0 : Math.Clamp((((x - l.X1) * ex) + ((y - l.Y1) * ey)) / length, 0, 1);
        var px = l.X1 + (t * ex) - x;
        var py = l.Y1 + (t * ey) - y;
        return Math.Sqrt((px * px) + (py * py));
    }
}
