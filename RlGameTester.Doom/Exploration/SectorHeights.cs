using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// The sectors' heights and specials as the run changes them. A cycling sector (a lift, a perpetual platform) has
/// two floors, low and high; every other sector's two floors are equal.
/// </summary>
internal sealed class SectorHeights
{
    private readonly Level _level;
    private readonly LevelGeometry _geometry;
    private readonly int[][] _neighbours;

    // Each sector's raise by its shortest lower texture, worked out when a move first needs it.
    private readonly Dictionary<int, int?> _textureRaise = [];

    public SectorHeights(Level level, LevelGeometry geometry)
    {
        _level = level;
        _geometry = geometry;
        var count = level.Sectors.Length;
        FloorLow = new int[count];
        FloorHigh = new int[count];
        Ceiling = new int[count];
        Special = new int[count];
        for (var s = 0; s < count; s++)
        {
            ref readonly var sector = ref level.Sectors.ItemRef(s);
            FloorLow[s] = FloorHigh[s] = sector.FloorHeight;
            Ceiling[s] = sector.CeilingHeight;
            Special[s] = sector.Special;
        }

        _neighbours = new int[count][];
        var list = new List<int>();
        for (var s = 0; s < count; s++)
        {
            list.Clear();
            foreach (var edge in geometry.EdgesOfSector(s))
            {
                ref readonly var line = ref level.Linedefs.ItemRef(edge.Line);
                var otherSide = edge.IsFront ? line.BackSide : line.FrontSide;
                if (otherSide < 0)
                {
                    continue;
                }

                // A line with this sector on both sides makes it its own neighbour, as getNextSector has it: freedoom1
                // E2M1's sector 30 "lowers to its highest neighbour floor" and stays at 32, its own floor.
                var other = level.Sidedefs.ItemRef(otherSide).Sector;
                if (!list.Contains(other))
                {
                    list.Add(other);
                }
            }

            _neighbours[s] = [.. list];
        }
    }

    public int[] FloorLow { get; }

    public int[] FloorHigh { get; }

    /// <summary>
    /// The height a called lift is back at, when it is back at rest now (LiftTimes), else null: the neighbour searches read
    /// that, as Doom's sector has one height at a time; a lift on its way may be anywhere in its range.
    /// </summary>
    public Func<int, int?>? RestNow { get; set; }

    /// <summary>
    /// The height a called lift rests at (LiftTimes), back there or not yet, else null: the end of its cycle where no one
    /// calls it again.
    /// </summary>
    public Func<int, int?>? RestOf { get; set; }

    /// <summary>The sector's floor has one height (it is no lift the run has called, or one let go at rest).</summary>
    public bool IsAtOneHeight(int sector) => FloorLow[sector] == FloorHigh[sector];

    public int[] Ceiling { get; }

    public int[] Special { get; }

    /// <summary>
    /// Works out where <paramref name="move"/> leaves each sector and records the new heights in <paramref name="changes"/>
    /// (sector, floor low, floor high, ceiling, special), without applying them: Doom computes every target from the
    /// heights before any plane moves.
    /// </summary>
    public void Plan(SectorMove move, int sector, int? lineFrontSector, List<(int Sector, int Low, int High, int Ceiling, int Special)> changes)
    {
        var floor = FloorHigh[sector];
        var ceiling = Ceiling[sector];
        var special = move.ClearsSpecial ? 0 : Special[sector];
        switch (move.Kind)
        {
            case MoveKind.Stairs:
                PlanStairs(move, sector, changes);
                return;
            case MoveKind.Donut:
                PlanDonut(sector, changes);
                return;
            case MoveKind.Cycle:
                {
                    int low, high;
                    if (move.Perpetual)
                    {
                        // GZDoom's perpetual plats stop their lip above the lowest floor, never below their own.
                        low = Math.Min(floor, LowestFloorAround(sector) + move.Offset);
                        high = Math.Max(floor, HighestNeighbourFloor(sector));
                    }
                    else
                    {
                        var end = Target(move, sector, floor, ceiling, lineFrontSector);
                        low = Math.Min(floor, end);
                        high = Math.Max(floor, end);
                    }

                    changes.Add((sector, low, high, ceiling, special));
                    return;
                }
        }

        if (move.Ceiling)
        {
            var target = Target(move, sector, floor, ceiling, lineFrontSector);
            changes.Add((sector, FloorLow[sector], FloorHigh[sector], target, special));
        }
        else
        {
            // An elevator's ceiling keeps its height above the floor.
            var target = Target(move, sector, floor, ceiling, lineFrontSector);
            changes.Add((sector, target, target, move.Elevator ? ceiling + (target - floor) : ceiling, special));
        }
    }

    /// <summary>How far the change would move a plane of its sector: 0 when it leaves the heights as they are.</summary>
    public int Travel((int Sector, int Low, int High, int Ceiling, int Special) change)
    {
        var s = change.Sector;
        return Math.Max(Math.Abs(change.Low - FloorLow[s]), Math.Max(Math.Abs(change.High - FloorHigh[s]), Math.Abs(change.Ceiling - Ceiling[s])));
    }

    public void Apply((int Sector, int Low, int High, int Ceiling, int Special) change)
    {
        FloorLow[change.Sector] = change.Low;
        FloorHigh[change.Sector] = change.High;
        Ceiling[change.Sector] = change.Ceiling;
        Special[change.Sector] = change.Special;
    }

    private int Target(SectorMove move, int sector, int floor, int ceiling, int? lineFrontSector) => move.Target switch
    {
        MoveTarget.ByAmount => (move.Ceiling ? ceiling : floor) + move.Amount,
        MoveTarget.Absolute => move.Amount,
        _ => FoundTarget(move, sector, floor, ceiling, lineFrontSector) + move.Offset,
    };

    private int FoundTarget(SectorMove move, int sector, int floor, int ceiling, int? lineFrontSector) => move.Target switch
    {
        MoveTarget.LowestNeighbourFloor => LowestFloorAround(sector),
        MoveTarget.HighestNeighbourFloor => HighestNeighbourFloor(sector),
        MoveTarget.HighestNeighbourFloorAdjusted => HighestNeighbourFloor(sector) is var h && h != floor ? h + move.Amount : h,
        MoveTarget.NextHigherFloor => NextHigherFloor(sector, floor),
        MoveTarget.NextLowerFloor => NextLowerFloor(sector, floor),
        MoveTarget.LowestNeighbourCeiling => move.Ceiling ? LowestNeighbourCeiling(sector, ceiling) : Math.Min(LowestNeighbourCeiling(sector, ceiling), ceiling),
        MoveTarget.LowestNeighbourCeilingMinus8 => Math.Min(LowestNeighbourCeiling(sector, ceiling), ceiling) - 8,
        MoveTarget.HighestNeighbourCeiling => HighestNeighbourCeiling(sector, ceiling),
        MoveTarget.OwnFloor => floor,
        MoveTarget.OwnFloorPlus8 => floor + 8,
        MoveTarget.OwnCeiling => ceiling,

        // By the textures' heights where they are known; without them, up to the next floor around, else by 64 (a common
        // texture height).
        MoveTarget.ShortestLowerTexture => TextureRaise(sector) is { } raise ? floor + raise
            : NextHigherFloor(sector, floor) is var next && next > floor ? next : floor + 64,
        MoveTarget.LineFrontFloor => lineFrontSector is { } front ? FloorHigh[front] : floor,
        MoveTarget.DoorOpen => LowestNeighbourCeiling(sector, ceiling + 4) - 4,
        _ => move.Ceiling ? ceiling : floor,
    };

    private int? TextureRaise(int sector) =>
        _textureRaise.TryGetValue(sector, out var raise) ? raise : _textureRaise[sector] = ShortestLowerTexture.InPlay(_level, sector);

    // A neighbour's floor for the searches: its lowest or highest, or where a lift back at rest is.
    private int Low(int n) => FloorLow[n] != FloorHigh[n] && RestNow?.Invoke(n) is { } rest ? rest : FloorLow[n];

    private int High(int n) => FloorLow[n] != FloorHigh[n] && RestNow?.Invoke(n) is { } rest ? rest : FloorHigh[n];

    // P_FindLowestFloorSurrounding: the sector's own floor counts.
    private int LowestFloorAround(int sector)
    {
        var result = FloorHigh[sector];
        foreach (var n in _neighbours[sector])
        {
            result = Math.Min(result, Low(n));
        }

        return result;
    }

    // P_FindHighestFloorSurrounding: neighbours only (itself too, by a line with it on both sides), from -500 as Doom does.
    private int HighestNeighbourFloor(int sector)
    {
        var result = -500;
        foreach (var n in _neighbours[sector])
        {
            result = Math.Max(result, High(n));
        }

        return _neighbours[sector].Length == 0 ? FloorHigh[sector] : result;
    }

    private int NextHigherFloor(int sector, int current)
    {
        var result = int.MaxValue;
        foreach (var n in _neighbours[sector])
        {
            if (High(n) > current)
            {
                result = Math.Min(result, High(n));
            }
        }

        return result == int.MaxValue ? current : result;
    }

    private int NextLowerFloor(int sector, int current)
    {
        var result = int.MinValue;
        foreach (var n in _neighbours[sector])
        {
            if (Low(n) < current)
            {
                result = Math.Max(result, Low(n));
            }
        }

        return result == int.MinValue ? current : result;
    }

    private int LowestNeighbourCeiling(int sector, int fallback)
    {
        var result = int.MaxValue;
        foreach (var n in _neighbours[sector])
        {
            result = Math.Min(result, Ceiling[n]);
        }

        return result == int.MaxValue ? fallback : result;
    }

    private int HighestNeighbourCeiling(int sector, int fallback)
    {
        var result = int.MinValue;
        foreach (var n in _neighbours[sector])
        {
            result = Math.Max(result, Ceiling[n]);
        }

        return result == int.MinValue ? fallback : result;
    }

    // EV_BuildStairs: from the tagged sector, follow two-sided lines whose front is the current step and whose back has
    // the same floor flat; each step rises by the step size more than the last (Doom adds the size even for a sector
    // it then skips). A sector an earlier tagged sector's stairs already move is skipped, as a start and as a step
    // ("already moving"): a staircase whose every step carries the tag is built once, from its first sector.
    private void PlanStairs(SectorMove move, int first, List<(int Sector, int Low, int High, int Ceiling, int Special)> changes)
    {
        if (Planned(changes, first))
        {
            return;
        }

        if (move.BySpecials)
        {
            PlanStairsBySpecials(move, first, changes);
            return;
        }

        var flat = _level.Sectors.ItemRef(first).FloorFlat;
        var height = FloorHigh[first] + move.Amount;
        var sector = first;
        changes.Add((first, height, height, Ceiling[first], Special[first]));
        for (var guard = 0; guard < _level.Sectors.Length; guard++)
        {
            var next = -1;
            foreach (var edge in _geometry.EdgesOfSector(sector))
            {
                ref readonly var line = ref _level.Linedefs.ItemRef(edge.Line);
                if (!edge.IsFront || line.BackSide < 0)
                {
                    continue;
                }

                var back = _level.Sidedefs.ItemRef(line.BackSide).Sector;
                if (_level.Sectors.ItemRef(back).FloorFlat != flat)
                {
                    continue;
                }

                height += move.Amount;
                if (Planned(changes, back))
                {
                    continue;
                }

                next = back;
                break;
            }

            if (next < 0)
            {
                return;
            }

            sector = next;
            changes.Add((sector, height, height, Ceiling[sector], Special[sector]));
        }
    }

    // Hexen's stairs: P_NextSpecialSectorVC, the first neighbour not yet taken whose special is the other stairs special;
    // each step rises by the step size more than the last.
    private void PlanStairsBySpecials(SectorMove move, int first, List<(int Sector, int Low, int High, int Ceiling, int Special)> changes)
    {
        var taken = new HashSet<int> { first };
        var height = FloorHigh[first] + move.Amount;
        changes.Add((first, height, height, Ceiling[first], Special[first]));
        for (var sector = first; ;)
        {
            var wanted = SectorMove.NextStairsSpecial(Special[sector]);
            var next = -1;
            foreach (var edge in _geometry.EdgesOfSector(sector))
            {
                ref readonly var line = ref _level.Linedefs.ItemRef(edge.Line);
                if (line.FrontSide >= 0 && line.BackSide >= 0 &&
                    _level.Sidedefs.ItemRef(edge.IsFront ? line.BackSide : line.FrontSide).Sector is var other &&
                    (Special[other] & 0xFF) == wanted && !taken.Contains(other))
                {
                    next = other;
                    break;
                }
            }

            if (next < 0)
            {
                return;
            }

            taken.Add(next);
            height += move.Amount;
            sector = next;
            if (!Planned(changes, next))
            {
                changes.Add((next, height, height, Ceiling[next], Special[next]));
            }
        }
    }

    private static bool Planned(List<(int Sector, int Low, int High, int Ceiling, int Special)> changes, int sector)
    {
        foreach (var change in changes)
        {
            if (change.Sector == sector)
            {
                return true;
            }
        }

        return false;
    }

    // EV_DoDonut: the ring around the tagged pillar rises to the outer sector's floor and the pillar lowers to it.
    private void PlanDonut(int pillar, List<(int Sector, int Low, int High, int Ceiling, int Special)> changes)
    {
        var edges = _geometry.EdgesOfSector(pillar);
        if (edges.Length == 0)
        {
            return;
        }

        ref readonly var firstLine = ref _level.Linedefs.ItemRef(edges[0].Line);
        var ringSide = edges[0].IsFront ? firstLine.BackSide : firstLine.FrontSide;
        if (ringSide < 0)
        {
            return;
        }

        var ring = _level.Sidedefs.ItemRef(ringSide).Sector;
        foreach (var edge in _geometry.EdgesOfSector(ring))
        {
            ref readonly var line = ref _level.Linedefs.ItemRef(edge.Line);
            if (line.BackSide < 0 || line.FrontSide < 0)
            {
                continue;
            }

            var outer = _level.Sidedefs.ItemRef(line.BackSide).Sector;
            if (outer == pillar || outer == ring)
            {
                continue;
            }

            var height = FloorHigh[outer];
            changes.Add((ring, height, height, Ceiling[ring], Special[ring]));
            changes.Add((pillar, height, height, Ceiling[pillar], Special[pillar]));
            return;
        }
    }
}
