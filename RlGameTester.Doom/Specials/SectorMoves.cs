using System.Collections.Frozen;
using RlGameTester.Doom.Levels;

namespace RlGameTester.Doom.Specials;

/// <summary>
/// Where each line special leaves the sectors it moves: vanilla Doom's table, Boom's extended specials and its
/// generalised floors, ceilings, doors, lifts and stairs (decoded from their bit fields), and the common
/// Hexen/ZDoom door, floor and lift specials. Written from the Doom source's thinkers (EV_DoDoor, EV_DoFloor,
/// EV_DoPlat, EV_DoCeiling, EV_BuildStairs) as documented by the Boom specification.
/// </summary>
public static class SectorMoves
{
    private static readonly FrozenDictionary<int, SectorMove> DoomTable = BuildDoom();

    /// <summary>
    /// The move a Doom-numbered special makes (binary Doom levels, UDMF Doom namespaces), or null when it moves
    /// nothing for good: lights, exits, teleports, crushers (they come back up), stop lines, close-wait-open doors.
    /// </summary>
    public static SectorMove? FindDoom(int special)
    {
        if (DoomTable.TryGetValue(special, out var move))
        {
            return move;
        }

        return special is >= GeneralizedRanges.StairsBase and < GeneralizedRanges.End ? DecodeGeneralized(special) : null;
    }

    /// <summary>The move of a Hexen/ZDoom-numbered special whose first argument is the sector tag, or null.</summary>
    public static SectorMove? FindHexen(int special, SpecialArgs args) => special switch
    {
        10 => new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: 2),
        11 or 12 or 13 or 14 or 202 => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: 2),
        20 => new SectorMove(false, MoveTarget.ByAmount, MoveKind.Permanent, -args.Arg2),
        21 => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent),
        22 => new SectorMove(false, MoveTarget.NextLowerFloor, MoveKind.Permanent),
        23 => new SectorMove(false, MoveTarget.ByAmount, MoveKind.Permanent, args.Arg2),
        24 => new SectorMove(false, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent),
        25 => new SectorMove(false, MoveTarget.NextHigherFloor, MoveKind.Permanent),
        60 => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, Speed: 4, Perpetual: true),
        // Plat_DownWaitUpStay (tag, speed in eighths of a unit a tic, delay in tics).
        62 => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, Speed: args.Arg1 > 0 ? Math.Max(1, args.Arg1 / 8) : 4, ReturnAfter: Math.Max(1, args.Arg2)),
        41 => new SectorMove(true, MoveTarget.ByAmount, MoveKind.Permanent, args.Arg2),
        _ => null,
    };

    private static FrozenDictionary<int, SectorMove> BuildDoom()
    {
        var table = new Dictionary<int, SectorMove>();
        void Add(SectorMove move, params int[] numbers)
        {
            foreach (var number in numbers)
            {
                table.Add(number, move);
            }
        }

        // Doors: open-wait-close doors count as open (a player walks through while they are).
        Add(new(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: 2), 1, 2, 4, 26, 27, 28, 29, 31, 32, 33, 34, 46, 61, 63, 86, 90, 103);
        Add(new(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: 8), 99, 105, 106, 108, 109, 111, 112, 114, 115, 117, 118, 133, 134, 135, 136, 137);
        Add(new(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: 2), 3, 42, 50, 75);
        Add(new(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: 8), 107, 110, 113, 116);

        // Floors.
        Add(new(false, MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent), 5, 24, 64, 91, 101);
        Add(new(false, MoveTarget.NextHigherFloor, MoveKind.Permanent), 18, 69, 119, 128);
        Add(new(false, MoveTarget.NextHigherFloor, MoveKind.Permanent, Speed: 4), 129, 130, 131, 132, 227, 228, 229, 230);
        Add(new(false, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent), 19, 45, 83, 102);
        Add(new(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent), 23, 37, 38, 60, 82, 84, 159, 177);
        Add(new(false, MoveTarget.ShortestLowerTexture, MoveKind.Permanent), 30, 96, 158, 176);
        Add(new(false, MoveTarget.HighestNeighbourFloorPlus8, MoveKind.Permanent, Speed: 4), 36, 70, 71, 98);
        Add(new(false, MoveTarget.LowestNeighbourCeilingMinus8, MoveKind.Permanent), 55, 56, 65, 94);
        Add(new(false, MoveTarget.ByAmount, MoveKind.Permanent, 24), 58, 59, 92, 93, 160, 161, 179, 180);
        Add(new(false, MoveTarget.ByAmount, MoveKind.Permanent, 512), 140, 142, 147, 178);
        Add(new(false, MoveTarget.NextLowerFloor, MoveKind.Permanent), 219, 220, 221, 222);
        Add(new(false, MoveTarget.NextLowerFloor, MoveKind.Permanent, Speed: 4), 231, 232, 233, 234);
        Add(new(false, MoveTarget.LineFrontFloor, MoveKind.Permanent, Speed: 4), 235, 236, 237, 238);

        // Platforms: raise-and-change ones take the texture of the line's sector; "to next floor" ones also end its damage.
        Add(new(false, MoveTarget.ByAmount, MoveKind.Permanent, 32), 14, 67, 144, 149);
        Add(new(false, MoveTarget.ByAmount, MoveKind.Permanent, 24), 15, 66, 143, 148);
        Add(new(false, MoveTarget.NextHigherFloor, MoveKind.Permanent, ClearsSpecial: true), 20, 22, 47, 68, 95);
        Add(new(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, Speed: 1, Perpetual: true), 53, 87, 162, 181);
        Add(new(false, MoveTarget.OwnCeiling, MoveKind.Cycle, Speed: 64), 211, 212);

        // Lifts: down to the lowest neighbour floor, wait, back up.
        Add(new(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, Speed: 4, ReturnAfter: SectorMove.LiftWait), 10, 21, 62, 88);
        Add(new(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, Speed: 8, ReturnAfter: SectorMove.LiftWait), 120, 121, 122, 123);

        // Ceilings (crushers are left out: they rise again).
        Add(new(true, MoveTarget.HighestNeighbourCeiling, MoveKind.Permanent), 40, 151, 166, 186);
        Add(new(true, MoveTarget.OwnFloor, MoveKind.Permanent), 41, 43);
        Add(new(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: 2), 145, 152);
        Add(new(true, MoveTarget.OwnFloorPlus8, MoveKind.Permanent), 44, 72, 167, 187);
        Add(new(true, MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent), 199, 201, 203, 205);
        Add(new(true, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent), 200, 202, 204, 206);

        // Stairs and donuts.
        Add(new(false, MoveTarget.ByAmount, MoveKind.Stairs, 8), 7, 8, 256, 258);
        Add(new(false, MoveTarget.ByAmount, MoveKind.Stairs, 16, Speed: 4), 100, 127, 257, 259);
        Add(new(false, MoveTarget.None, MoveKind.Donut), 9, 146, 155, 191);
        return table.ToFrozenDictionary();
    }

    // Boom generalised types: bits 0-2 trigger, 3-4 speed in every class; the rest depends on the class.
    private static SectorMove? DecodeGeneralized(int special)
    {
        var speed = ((special >> 3) & 3) switch
        {
            0 => 1,
            1 => 2,
            2 => 4,
            _ => 8,
        };
        if (special >= GeneralizedRanges.FloorBase)
        {
            var up = (special & 0x40) != 0;
            var target = (special >> 7) & 7;
            var clears = ((special >> 10) & 3) == 1;
            return target switch
            {
                0 => new SectorMove(false, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent, 0, speed, clears),
                1 => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent, 0, speed, clears),
                2 => new SectorMove(false, up ? MoveTarget.NextHigherFloor : MoveTarget.NextLowerFloor, MoveKind.Permanent, 0, speed, clears),
                3 => new SectorMove(false, MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent, 0, speed, clears),
                4 => new SectorMove(false, MoveTarget.OwnCeiling, MoveKind.Permanent, 0, speed, clears),
                5 => new SectorMove(false, up ? MoveTarget.ShortestLowerTexture : MoveTarget.NextLowerFloor, MoveKind.Permanent, 0, speed, clears),
                6 => new SectorMove(false, MoveTarget.ByAmount, MoveKind.Permanent, up ? 24 : -24, speed, clears),
                _ => new SectorMove(false, MoveTarget.ByAmount, MoveKind.Permanent, up ? 32 : -32, speed, clears),
            };
        }

        if (special >= GeneralizedRanges.CeilingBase)
        {
            var up = (special & 0x40) != 0;
            var target = (special >> 7) & 7;
            return target switch
            {
                0 => new SectorMove(true, MoveTarget.HighestNeighbourCeiling, MoveKind.Permanent, 0, speed),
                1 => new SectorMove(true, MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent, 0, speed),
                2 => new SectorMove(true, up ? MoveTarget.HighestNeighbourCeiling : MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent, 0, speed),
                3 => new SectorMove(true, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent, 0, speed),
                4 => new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent, 0, speed),
                5 => new SectorMove(true, MoveTarget.ByAmount, MoveKind.Permanent, up ? 64 : -64, speed),
                6 => new SectorMove(true, MoveTarget.ByAmount, MoveKind.Permanent, up ? 24 : -24, speed),
                _ => new SectorMove(true, MoveTarget.ByAmount, MoveKind.Permanent, up ? 32 : -32, speed),
            };
        }

        if (special >= GeneralizedRanges.DoorBase)
        {
            // Kinds: 0 open-wait-close, 1 open-stay, 2 close-wait-open (opens again), 3 close-stay.
            return ((special >> 5) & 3) switch
            {
                0 or 1 => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, 0, speed * 2),
                2 => null,
                _ => new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent, 0, speed * 2),
            };
        }

        if (special >= GeneralizedRanges.LockedDoorBase)
        {
            return new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, 0, speed * 2);
        }

        if (special >= GeneralizedRanges.LiftBase)
        {
            // Targets: 0 lowest neighbour floor, 1 next lower floor, 2 lowest neighbour ceiling, 3 perpetual; bits 6-7 the
            // wait at the far end: 1, 3, 5 or 10 seconds.
            var wait = 35 * (((special >> 6) & 3) switch { 0 => 1, 1 => 3, 2 => 5, _ => 10 });
            return ((special >> 8) & 3) switch
            {
                0 => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, 0, speed * 2, ReturnAfter: wait),
                1 => new SectorMove(false, MoveTarget.NextLowerFloor, MoveKind.Cycle, 0, speed * 2, ReturnAfter: wait),
                2 => new SectorMove(false, MoveTarget.LowestNeighbourCeiling, MoveKind.Cycle, 0, speed * 2, ReturnAfter: wait),
                _ => new SectorMove(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, 0, speed * 2, Perpetual: true),
            };
        }

        // Stairs: bits 6-7 step size (4, 8, 16, 24), bit 8 direction (1 = up).
        var step = ((special >> 6) & 3) switch
        {
            0 => 4,
            1 => 8,
            2 => 16,
            _ => 24,
        };
        return new SectorMove(false, MoveTarget.ByAmount, MoveKind.Stairs, (special & 0x100) != 0 ? step : -step, speed);
    }
}
