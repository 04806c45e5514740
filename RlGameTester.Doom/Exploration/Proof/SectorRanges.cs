using RlGameTester.Doom.Geometry;
using RlGameTester.Doom.Levels;
using RlGameTester.Doom.Specials;

namespace RlGameTester.Doom.Exploration.Proof;

/// <summary>
/// Every height each sector's floor and ceiling might take during play, whoever sets its movers off (the player, a
/// monster, a voodoo doll, a boss death, a script) and in whatever order: a range that holds the start heights and
/// every target a mover could compute. A mover's target depends on its neighbours' heights, so the ranges grow to a
/// fixed point; a sector an unknown special or a script moves, or whose ranges never settle, may be at any height.
/// </summary>
internal sealed class SectorRanges
{
    private const int Unbounded = 32767;
    private const int MaxRounds = 64;

    // Doom's largest texture height bounds "raise by shortest lower texture".
    private const int MaxTextureHeight = 1024;

    private readonly Level _level;
    private readonly int[][] _neighbours;

    public SectorRanges(Level level, LevelGeometry geometry, IReadOnlyList<SectorMover> movers)
    {
        _level = level;
        var count = level.Sectors.Length;
        FloorMin = new int[count];
        FloorMax = new int[count];
        CeilingMin = new int[count];
        CeilingMax = new int[count];
        MovedBy = new SectorMover?[count];
        Rises = new bool[count];
        for (var s = 0; s < count; s++)
        {
            FloorMin[s] = FloorMax[s] = level.Sectors[s].FloorHeight;
            CeilingMin[s] = CeilingMax[s] = level.Sectors[s].CeilingHeight;
        }

        _neighbours = Neighbours(level, geometry);
        var elevators = new bool[count];
        var ceilings = new bool[count];
        foreach (var mover in movers)
        {
            foreach (var s in mover.Sectors)
            {
                MovedBy[s] ??= mover;
                Rises[s] |= mover.Move is not { } m || CanRaiseFloor(m);
                elevators[s] |= mover.Move is { Elevator: true };
                ceilings[s] |= mover.Move is { Ceiling: true };
                if (mover.Move is null)
                {
                    Free(s);
                }
            }
        }

        // An elevator carries its ceiling at the sector's height over the floor; a ceiling that also moves by itself makes
        // that height anything, and the ranges cannot follow it: such a sector may be at any height.
        for (var s = 0; s < count; s++)
        {
            if (elevators[s] && ceilings[s])
            {
                Free(s);
            }
        }

        Settle(movers);
    }

    public int[] FloorMin { get; }

    public int[] FloorMax { get; }

    public int[] CeilingMin { get; }

    public int[] CeilingMax { get; }

    /// <summary>
    /// Whether a sector's floor may rise with a body on it (a lift, a raising floor, stairs, anything not known). A floor
    /// that only lowers carries a body down: it is a foothold only for the moment it passes by.
    /// </summary>
    public bool[] Rises { get; }

    /// <summary>The first mover that acts on each sector (null: the sector never moves).</summary>
    public SectorMover?[] MovedBy { get; }

    /// <summary>The ranges as sector heights: floors low and high at their extremes, ceilings at their highest.</summary>
    public SectorHeights ToHeights(LevelGeometry geometry)
    {
        var heights = new SectorHeights(_level, geometry);
        for (var s = 0; s < FloorMin.Length; s++)
        {
            heights.Apply((s, FloorMin[s], FloorMax[s], CeilingMax[s], heights.Special[s]));
        }

        return heights;
    }

    private void Settle(IReadOnlyList<SectorMover> movers)
    {
        var changed = new HashSet<int>();
        for (var round = 0; round < MaxRounds; round++)
        {
            changed.Clear();
            foreach (var mover in movers)
            {
                if (mover.Move is not { } move)
                {
                    continue;
                }

                for (var i = 0; i < mover.Sectors.Length; i++)
                {
                    var s = mover.Sectors[i];
                    if (Widen(s, move, mover.FrontSector, mover.FixedFloors?[i]))
                    {
                        changed.Add(s);
                    }
                }
            }

            if (changed.Count == 0)
            {
                return;
            }
        }

        // Repeatable moves by an amount keep climbing: those sectors are not bounded.
        foreach (var s in changed)
        {
            Free(s);
        }
    }

    // A floor mover's target is its own floor or a neighbour's (or their ceilings, or an amount away): the hull of
    // those ranges holds every target it can compute. Likewise for ceilings.
    private bool Widen(int s, SectorMove move, int? frontSector, int? fixedFloor)
    {
        var (floorLow, floorHigh, ceilingLow, ceilingHigh) = (FloorMin[s], FloorMax[s], CeilingMin[s], CeilingMax[s]);
        var floorMoves = !move.Ceiling || move.Kind is MoveKind.Cycle or MoveKind.Stairs or MoveKind.Donut;

        // A staircase's steps go where the staircase puts them, and only there.
        if (move.Kind == MoveKind.Stairs && fixedFloor is { } step)
        {
            (floorLow, floorHigh) = (Math.Min(floorLow, step), Math.Max(floorHigh, step));
        }
        else if (floorMoves)
        {
            // Targets below the floor only lower it, targets above only raise it; the rest may go either way.
            var (lowers, raises) = move.Target switch
            {
                MoveTarget.LowestNeighbourFloor or MoveTarget.NextLowerFloor => (true, move.Kind == MoveKind.Cycle),
                MoveTarget.NextHigherFloor or MoveTarget.ShortestLowerTexture => (false, true),
                MoveTarget.ByAmount => (move.Amount < 0, move.Amount > 0),
                _ => (true, true),
            };
            foreach (var n in _neighbours[s])
            {
                floorLow = lowers ? Math.Min(floorLow, FloorMin[n]) : floorLow;
                floorHigh = raises || move.Perpetual ? Math.Max(floorHigh, FloorMax[n]) : floorHigh;
            }

            switch (move.Target)
            {
                case MoveTarget.LowestNeighbourCeiling or MoveTarget.LowestNeighbourCeilingMinus8 or MoveTarget.OwnCeiling:
                    floorHigh = Math.Max(floorHigh, CeilingMax[s]);
                    foreach (var n in _neighbours[s])
                    {
                        floorHigh = Math.Max(floorHigh, CeilingMax[n]);
                    }

                    break;
                case MoveTarget.ShortestLowerTexture:
                    floorHigh = Math.Max(floorHigh, FloorMax[s] + MaxTextureHeight);
                    break;
                case MoveTarget.LineFrontFloor when frontSector is { } front:
                    (floorLow, floorHigh) = (Math.Min(floorLow, FloorMin[front]), Math.Max(floorHigh, FloorMax[front]));
                    break;
                case MoveTarget.Absolute:
                    (floorLow, floorHigh) = (Math.Min(floorLow, move.Amount), Math.Max(floorHigh, move.Amount));
                    break;
                case MoveTarget.ByAmount:
                    // A repeated move by an amount goes that far each time: the rounds widen it until it settles or is freed.
                    (floorLow, floorHigh) = (Math.Min(floorLow, FloorMin[s] + Math.Min(0, move.Amount)), Math.Max(floorHigh, FloorMax[s] + Math.Max(0, move.Amount)));
                    break;
            }

            // A lift's lip, a plane's gap or a lower's adjust puts the target that far off the heights it was found from.
            var shift = move.Offset + (move.Target == MoveTarget.HighestNeighbourFloorAdjusted ? move.Amount : 0);
            if (shift != 0 && move.Target is not (MoveTarget.ByAmount or MoveTarget.Absolute))
            {
                var ceilings = move.Target is MoveTarget.LowestNeighbourCeiling or MoveTarget.LowestNeighbourCeilingMinus8 or MoveTarget.OwnCeiling;
                var (low, high) = ceilings ? (CeilingMin, CeilingMax) : (FloorMin, FloorMax);
                var (aroundLow, aroundHigh) = (low[s], high[s]);
                foreach (var n in _neighbours[s])
                {
                    (aroundLow, aroundHigh) = (Math.Min(aroundLow, low[n]), Math.Max(aroundHigh, high[n]));
                }

                (floorLow, floorHigh) = (Math.Min(floorLow, aroundLow + Math.Min(0, shift)), Math.Max(floorHigh, aroundHigh + Math.Max(0, shift)));
            }

            if (fixedFloor is { } target)
            {
                (floorLow, floorHigh) = (Math.Min(floorLow, target), Math.Max(floorHigh, target));
            }
        }

        if (move.Elevator)
        {
            // The ceiling keeps the sector's height over the floor: its range is the floor's, raised by that height.
            var (gapLow, gapHigh) = (CeilingMin[s] - FloorMin[s], CeilingMax[s] - FloorMax[s]);
            ceilingLow = Math.Min(ceilingLow, floorLow + Math.Min(gapLow, gapHigh));
            ceilingHigh = Math.Max(ceilingHigh, floorHigh + Math.Max(gapLow, gapHigh));
        }

        if (move.Ceiling)
        {
            foreach (var n in _neighbours[s])
            {
                (ceilingLow, ceilingHigh) = (Math.Min(ceilingLow, CeilingMin[n]), Math.Max(ceilingHigh, CeilingMax[n]));
            }

            if (move.Target is MoveTarget.OwnFloor or MoveTarget.OwnFloorPlus8)
            {
                ceilingLow = Math.Min(ceilingLow, FloorMin[s]);
            }

            if (move.Target == MoveTarget.Absolute)
            {
                (ceilingLow, ceilingHigh) = (Math.Min(ceilingLow, move.Amount), Math.Max(ceilingHigh, move.Amount));
            }

            if (move.Target == MoveTarget.ByAmount)
            {
                (ceilingLow, ceilingHigh) = (Math.Min(ceilingLow, CeilingMin[s] + Math.Min(0, move.Amount)), Math.Max(ceilingHigh, CeilingMax[s] + Math.Max(0, move.Amount)));
            }
        }

        floorLow = Math.Max(floorLow, -Unbounded);
        floorHigh = Math.Min(floorHigh, Unbounded);
        ceilingLow = Math.Max(ceilingLow, -Unbounded);
        ceilingHigh = Math.Min(ceilingHigh, Unbounded);
        if ((floorLow, floorHigh, ceilingLow, ceilingHigh) == (FloorMin[s], FloorMax[s], CeilingMin[s], CeilingMax[s]))
        {
            return false;
        }

        (FloorMin[s], FloorMax[s], CeilingMin[s], CeilingMax[s]) = (floorLow, floorHigh, ceilingLow, ceilingHigh);
        return true;
    }

    private static bool CanRaiseFloor(SectorMove move) =>
        move.Kind is not MoveKind.Permanent || (!move.Ceiling && move.Target switch
        {
            MoveTarget.LowestNeighbourFloor or MoveTarget.NextLowerFloor => false,
            MoveTarget.ByAmount => move.Amount > 0,
            _ => true,
        });

    private void Free(int s)
    {
        FloorMin[s] = CeilingMin[s] = -Unbounded;
        FloorMax[s] = CeilingMax[s] = Unbounded;
    }

    private static int[][] Neighbours(Level level, LevelGeometry geometry)
    {
        var result = new int[level.Sectors.Length][];
        var list = new List<int>();
        for (var s = 0; s < result.Length; s++)
        {
            list.Clear();
            foreach (var edge in geometry.EdgesOfSector(s))
            {
                ref readonly var line = ref level.Linedefs.ItemRef(edge.Line);
                var otherSide = edge.IsFront ? line.BackSide : line.FrontSide;
                if (otherSide >= 0 && level.Sidedefs[otherSide].Sector is var other && other != s && !list.Contains(other))
                {
                    list.Add(other);
                }
            }

            result[s] = [.. list];
        }

        return result;
    }
}
