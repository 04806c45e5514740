using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// P_CheckPosition for the player's box: the floor and ceiling start from the sector under the centre, every two-sided
/// line crossing the box narrows them to its opening, a one-sided or impassable line crossing the box blocks, and so
/// does a solid thing.
/// </summary>
internal sealed class PositionProbe
{
    private readonly LevelGeometry _geometry;
    private readonly LineQuery _lines;
    private readonly LineBlocking _blocking;
    private readonly SolidThings _things;
    private readonly SectorPlanes _planes;

    public PositionProbe(LevelGeometry geometry, LineQuery lines, LineBlocking blocking, SolidThings things, SectorPlanes planes)
    {
        _geometry = geometry;
        _lines = lines;
        _blocking = blocking;
        _things = things;
        _planes = planes;
    }

    /// <summary>The solid scenery the probe reads.</summary>
    public SolidThings Things => _things;

    /// <summary>
    /// The spot for the player's box; a solid thing hung above a body whose feet are at most at <paramref name="feet"/>
    /// (and on the floor there) does not block (<see cref="SolidThings"/>).
    /// </summary>
    public void Probe(double x, double y, Placement result, double feet = double.PositiveInfinity)
    {
        Probe(x, y, PlayerBody.BlockingRadius, result);
        result.SolidThing = _things.Overlapping(x, y, PlayerBody.BlockingRadius, Math.Max(feet, result.Floor.High));
    }

    /// <summary>The box of a smaller body: what the spot is to the precision of the explorer's grid.</summary>
    public void ProbeTight(double x, double y, Placement result, double feet = double.PositiveInfinity)
    {
        var radius = PlayerBody.BlockingRadius - TrajectoryRules.GridTolerance;
        Probe(x, y, radius, result);
        result.SolidThing = _things.Overlapping(x, y, radius, Math.Max(feet, result.Floor.High));
    }

    /// <summary>The floor and ceiling under a box of any size (an item's, for its height), without things.</summary>
    public void Probe(double x, double y, double radius, Placement result)
    {
        result.BlockingLine = -1;
        result.SolidThing = -1;
        result.Sectors.Clear();
        var centre = _geometry.SectorAt(x, y);
        result.CentreSector = centre;
        if (centre >= 0)
        {
            result.Floor = _planes.FloorAt(centre, x, y);
            result.Ceiling = _planes.CeilingAt(centre, x, y);
            result.FloorSector = centre;
            result.CeilingSector = centre;
            result.Sectors.Add(centre);
        }
        else
        {
            result.Floor = HeightRange.At(double.NegativeInfinity);
            result.Ceiling = HeightRange.At(double.PositiveInfinity);
            result.FloorSector = -1;
            result.CeilingSector = -1;
        }

        foreach (var index in _lines.NearBox(x, y, radius))
        {
            var (x1, y1, x2, y2) = _geometry.Segment(index);
            if (!MapMath.BoxCrossesLine(x, y, radius, x1, y1, x2, y2))
            {
                continue;
            }

            int front = _planes.FrontSector(index), back = _planes.BackSector(index);
            if (front < 0 || back < 0 || _blocking.BlocksPlayer(index))
            {
                if (result.BlockingLine < 0)
                {
                    result.BlockingLine = index;
                }

                if (front < 0 || back < 0)
                {
                    continue;
                }
            }

            // A sloped plane counts where the line comes nearest the centre, as PIT_CheckLine takes it.
            var (px, py) = SectorSlopes.NearestOnSegment(x1, y1, x2, y2, x, y);
            Include(front, result, px, py);
            Include(back, result, px, py);
        }
    }

    private void Include(int sector, Placement result, double x, double y)
    {
        if (!result.Sectors.Contains(sector))
        {
            result.Sectors.Add(sector);
        }

        var floor = _planes.FloorAt(sector, x, y);
        if (result.FloorSector < 0 || floor.Low > result.Floor.Low)
        {
            result.FloorSector = sector;
        }

        var ceiling = _planes.CeilingAt(sector, x, y);
        if (result.CeilingSector < 0 || ceiling.High < result.Ceiling.High)
        {
            result.CeilingSector = sector;
        }

        result.Floor = HeightRange.Highest(result.Floor, floor);
        result.Ceiling = HeightRange.Lowest(result.Ceiling, ceiling);
    }
}
