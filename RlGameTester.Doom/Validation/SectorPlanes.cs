using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Validation;

/// <summary>
/// The validator's own record of every sector's floor and ceiling as the run changes them, with the neighbour searches
/// of p_spec.c (P_FindLowestFloorSurrounding and friends) over Doom's sector line lists. A plane is a range when it cycles
/// (lifts, perpetual platforms); its rest height is what the searches see, as Doom's sector keeps one height at a time.
/// </summary>
internal sealed class SectorPlanes
{
    private readonly Level _level;
    private readonly HeightRange[] _floors;
    private readonly HeightRange[] _ceilings;
    private readonly double[] _floorRest;
    private readonly double[] _ceilingRest;
    private readonly int[][] _lines;
    private readonly int[] _frontSector;
    private readonly int[] _backSector;
    private readonly int[] _specials;
    private readonly SectorSlopes _slopes;

    public SectorPlanes(Level level, LevelGeometry geometry)
    {
        _level = level;
        _slopes = geometry.Slopes;
        var count = level.Sectors.Length;
        _floors = new HeightRange[count];
        _ceilings = new HeightRange[count];
        _floorRest = new double[count];
        _ceilingRest = new double[count];
        Busy = new bool[count];
        _specials = new int[count];
        for (var s = 0; s < count; s++)
        {
            var sector = level.Sectors[s];
            _floors[s] = HeightRange.At(sector.FloorHeight);
            _ceilings[s] = HeightRange.At(sector.CeilingHeight);
            _floorRest[s] = sector.FloorHeight;
            _ceilingRest[s] = sector.CeilingHeight;
            _specials[s] = sector.Special;
        }

        _frontSector = new int[level.Linedefs.Length];
        _backSector = new int[level.Linedefs.Length];
        for (var i = 0; i < level.Linedefs.Length; i++)
        {
            var line = level.Linedefs[i];
            _frontSector[i] = line.FrontSide >= 0 ? level.Sidedefs[line.FrontSide].Sector : -1;
            _backSector[i] = line.BackSide >= 0 ? level.Sidedefs[line.BackSide].Sector : -1;
        }

        // P_GroupLines: each sector lists its lines once, in line order.
        _lines = new int[count][];
        for (var s = 0; s < count; s++)
        {
            var list = new List<int>();
            foreach (var edge in geometry.EdgesOfSector(s))
            {
                if (list.Count == 0 || list[^1] != edge.Line)
                {
                    list.Add(edge.Line);
                }
            }

            _lines[s] = [.. list];
        }
    }

    /// <summary>Sectors whose thinker Doom never removes (perpetual platforms, crushers): new moves skip them.</summary>
    public bool[] Busy { get; }

    public HeightRange Floor(int sector) => _floors[sector];

    public HeightRange Ceiling(int sector) => _ceilings[sector];

    /// <summary>The floor at a point of the sector: its height, plus where the level slopes it, the slope's rise there.</summary>
    public HeightRange FloorAt(int sector, double x, double y) => _floors[sector].Plus(_slopes.FloorOffset(sector, x, y));

    public HeightRange CeilingAt(int sector, double x, double y) => _ceilings[sector].Plus(_slopes.CeilingOffset(sector, x, y));

    public double FloorRest(int sector) => _floorRest[sector];

    public double CeilingRest(int sector) => _ceilingRest[sector];

    public int FrontSector(int line) => _frontSector[line];

    public int BackSector(int line) => _backSector[line];

    public ReadOnlySpan<int> LinesOf(int sector) => _lines[sector];

    /// <summary>The sector's special now (raise-to-next-floor platforms clear it: "NO MORE DAMAGE, IF APPLICABLE").</summary>
    public int Special(int sector) => _specials[sector];

    public void ClearSpecial(int sector) => _specials[sector] = 0;

    public void SetFloor(int sector, HeightRange range, double rest)
    {
        _floors[sector] = range;
        _floorRest[sector] = rest;
    }

    public void SetCeiling(int sector, HeightRange range, double rest)
    {
        _ceilings[sector] = range;
        _ceilingRest[sector] = rest;
    }

    /// <summary>
    /// P_LineOpening's range (lowest ceiling minus highest floor of the two sides), as large as the planes' ranges allow;
    /// zero for a line without a back side.
    /// </summary>
    public double Opening(int line)
    {
        int front = _frontSector[line], back = _backSector[line];
        if (front < 0 || back < 0)
        {
            return 0;
        }

        return Math.Min(_ceilings[front].High, _ceilings[back].High) - Math.Max(_floors[front].Low, _floors[back].Low);
    }

    /// <summary>getNextSector: the sector across a two-sided line (the sector itself when both sides face it), or -1.</summary>
    public int NextSector(int line, int sector)
    {
        if (!_level.Linedefs[line].HasFlag(LinedefFlags.TwoSided))
        {
            return -1;
        }

        return _frontSector[line] == sector ? _backSector[line] : _frontSector[line];
    }

    /// <summary>P_FindLowestFloorSurrounding: the lowest floor of the sector and its neighbours.</summary>
    public double LowestFloorSurrounding(int sector) => Fold(sector, _floorRest[sector], other => _floorRest[other], Math.Min);

    /// <summary>
    /// P_FindLowestFloorSurrounding with each neighbour as low as its range goes: a lift set off while the lift beside it
    /// waits down goes down to that one's low end (Doom reads the heights at that moment).
    /// </summary>
    public double LowestFloorSurroundingAtLowest(int sector) => Fold(sector, _floorRest[sector], other => _floors[other].Low, Math.Min);

    /// <summary>P_FindHighestFloorSurrounding: the highest neighbour floor, never below -500.</summary>
    public double HighestFloorSurrounding(int sector) => Fold(sector, -500, other => _floorRest[other], Math.Max);

    /// <summary>P_FindLowestCeilingSurrounding: the lowest neighbour ceiling, or null without neighbours (Doom's INT_MAX).</summary>
    public double? LowestCeilingSurrounding(int sector)
    {
        var height = Fold(sector, double.PositiveInfinity, other => _ceilingRest[other], Math.Min);
        return double.IsPositiveInfinity(height) ? null : height;
    }

    /// <summary>P_FindHighestCeilingSurrounding: the highest neighbour ceiling, never below 0 (vanilla's start value).</summary>
    public double HighestCeilingSurrounding(int sector) => Fold(sector, 0, other => _ceilingRest[other], Math.Max);

    /// <summary>P_FindNextHighestFloor: the lowest neighbour floor above the height, or the height itself.</summary>
    public double NextHighestFloor(int sector, double height)
    {
        var best = double.PositiveInfinity;
        foreach (var line in _lines[sector])
        {
            var other = NextSector(line, sector);
            if (other >= 0 && _floorRest[other] > height)
            {
                best = Math.Min(best, _floorRest[other]);
            }
        }

        return double.IsPositiveInfinity(best) ? height : best;
    }

    /// <summary>Boom's P_FindNextLowestFloor: the highest neighbour floor below the height, or the height itself.</summary>
    public double NextLowestFloor(int sector, double height)
    {
        var best = double.NegativeInfinity;
        foreach (var line in _lines[sector])
        {
            var other = NextSector(line, sector);
            if (other >= 0 && _floorRest[other] < height)
            {
                best = Math.Max(best, _floorRest[other]);
            }
        }

        return double.IsNegativeInfinity(best) ? height : best;
    }

    private double Fold(int sector, double start, Func<int, double> height, Func<double, double, double> pick)
    {
        var result = start;
        foreach (var line in _lines[sector])
        {
            var other = NextSector(line, sector);
            if (other >= 0)
            {
                result = pick(result, height(other));
            }
        }

        return result;
    }
}
