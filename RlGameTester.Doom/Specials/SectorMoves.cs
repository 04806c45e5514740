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

    /// <summary>
    /// The move of a Hexen/ZDoom-numbered special whose first argument is the sector tag, or null. Written from GZDoom's
    /// p_lnspec.cpp (which arguments are speed, height, delay, lip or gap) and its floor, ceiling, plat and door thinkers:
    /// speeds are eighths of a unit a tic, "Times8" heights and the instant moves' heights eighths too; a lift's lip and a
    /// plane's gap offset the target. Moves that need what is not modelled (texture heights, the next ceiling, crushers
    /// that come back, a wait before a door opens) stay null: not simulated.
    /// </summary>
    public static SectorMove? FindHexen(int special, SpecialArgs args) => special switch
    {
        10 => new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: Eighths(args.Arg1)),
        11 or 12 or 13 => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: Eighths(args.Arg1)),
        // Door_Animated's frames are not read: it is taken to open at a plain door's speed.
        14 => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: 2),
        202 => GenericDoor(args),
        20 => Floor(MoveTarget.ByAmount, args.Arg1, -args.Arg2),
        21 => Floor(MoveTarget.LowestNeighbourFloor, args.Arg1),
        22 => Floor(MoveTarget.NextLowerFloor, args.Arg1),
        23 => Floor(MoveTarget.ByAmount, args.Arg1, args.Arg2),
        24 => Floor(MoveTarget.HighestNeighbourFloor, args.Arg1),
        25 => Floor(MoveTarget.NextHigherFloor, args.Arg1),
        35 => Floor(MoveTarget.ByAmount, args.Arg1, args.Arg2 * 8),
        36 => Floor(MoveTarget.ByAmount, args.Arg1, -args.Arg2 * 8),
        37 => Floor(MoveTarget.Absolute, args.Arg1, args.Arg3 != 0 ? -args.Arg2 : args.Arg2),
        66 => Instant(false, MoveTarget.ByAmount, -args.Arg2 * 8),
        67 => Instant(false, MoveTarget.ByAmount, args.Arg2 * 8),
        68 => Floor(MoveTarget.Absolute, args.Arg1, (args.Arg3 != 0 ? -args.Arg2 : args.Arg2) * 8),
        200 => GenericFloor(args),
        238 => Floor(MoveTarget.LowestNeighbourCeiling, args.Arg1),
        239 => Floor(MoveTarget.ByAmount, args.Arg1, args.Arg2),
        241 => Floor(MoveTarget.LowestNeighbourFloor, args.Arg1),

        // Floor_LowerToHighest (tag, speed, adjust, force): the adjust is arg 2 less 128, added only when the floor is not
        // there already, unless force is 1 (Heretic's lower).
        242 when args.Arg2 == 128 => Floor(MoveTarget.HighestNeighbourFloor, args.Arg1),
        242 when args.Arg3 == 1 => Floor(MoveTarget.HighestNeighbourFloor, args.Arg1, offset: args.Arg2 - 128),
        242 => Floor(MoveTarget.HighestNeighbourFloorAdjusted, args.Arg1, args.Arg2 - 128),
        240 => Floor(MoveTarget.ShortestLowerTexture, args.Arg1),
        250 => new SectorMove(false, MoveTarget.None, MoveKind.Donut),

        // Doom's stair builders as ZDoom numbers them (tag, speed, height, delay, reset; the Sync ones have no delay):
        // EV_BuildStairs by Doom's rule (the next step behind a line the step fronts, with the same floor flat). Stairs
        // that reset (sink back after reset tics) are left out.
        217 or 273 when args.Arg4 == 0 => Stairs(args.Arg2, args.Arg1),

        // Hexen's own (Stairs_BuildDown, BuildUp, and their Sync ones): the steps are the sectors marked Stairs_Special1
        // and 2 in turn (SectorMove.BySpecials).
        26 when args.Arg4 == 0 => Stairs(-args.Arg2, args.Arg1) with { BySpecials = true },
        27 when args.Arg4 == 0 => Stairs(args.Arg2, args.Arg1) with { BySpecials = true },
        31 when args.Arg3 == 0 => Stairs(-args.Arg2, args.Arg1) with { BySpecials = true },
        32 when args.Arg3 == 0 => Stairs(args.Arg2, args.Arg1) with { BySpecials = true },
        270 when args.Arg4 == 0 => Stairs(-args.Arg2, args.Arg1),
        271 when args.Arg3 == 0 => Stairs(args.Arg2, args.Arg1),
        272 when args.Arg3 == 0 => Stairs(-args.Arg2, args.Arg1),
        256 => Floor(MoveTarget.HighestNeighbourFloor, args.Arg1),
        258 => Floor(MoveTarget.LowestNeighbourCeiling, args.Arg1),
        259 => Floor(MoveTarget.OwnCeiling, args.Arg1, offset: -args.Arg4),
        260 => Instant(false, MoveTarget.OwnCeiling, offset: -args.Arg3),
        40 => Ceiling(MoveTarget.ByAmount, args.Arg1, -args.Arg2),

        // Ceiling_LowerAndCrush (tag, speed, crush, mode) stays 8 above the floor (ceilLowerAndCrush); the crushers that
        // come back up (42, 195-197) are left out, as Doom's are.
        43 => Ceiling(MoveTarget.OwnFloorPlus8, args.Arg1),
        41 => new SectorMove(true, MoveTarget.ByAmount, MoveKind.Permanent, args.Arg2),
        47 => Ceiling(MoveTarget.Absolute, args.Arg1, args.Arg3 != 0 ? -args.Arg2 : args.Arg2),
        69 => Ceiling(MoveTarget.Absolute, args.Arg1, (args.Arg3 != 0 ? -args.Arg2 : args.Arg2) * 8),
        192 => Ceiling(MoveTarget.HighestNeighbourFloor, args.Arg1, offset: args.Arg4),
        193 => Instant(true, MoveTarget.ByAmount, -args.Arg2 * 8),
        194 => Instant(true, MoveTarget.ByAmount, args.Arg2 * 8),
        198 => Ceiling(MoveTarget.ByAmount, args.Arg1, args.Arg2 * 8),
        199 => Ceiling(MoveTarget.ByAmount, args.Arg1, -args.Arg2 * 8),
        201 => GenericCeiling(args),
        253 => Ceiling(MoveTarget.LowestNeighbourCeiling, args.Arg1),
        254 => Ceiling(MoveTarget.OwnFloor, args.Arg1, offset: args.Arg4),
        262 => Ceiling(MoveTarget.HighestNeighbourCeiling, args.Arg1),
        266 => Ceiling(MoveTarget.HighestNeighbourFloor, args.Arg1),
        267 => Instant(true, MoveTarget.OwnFloor, offset: args.Arg3),
        // Plat_PerpetualRaise (tag, speed, delay) stops 8 above the lowest floor around, _PerpetualRaiseLip at its lip (arg 3).
        60 => Perpetual(args.Arg1, lip: 8),

        // Plat_DownWaitUpStay (tag, speed, delay) stops 8 above the lowest floor around (its lip), as GZDoom's EV_DoPlat.
        62 => Lift(MoveTarget.LowestNeighbourFloor, args.Arg1, args.Arg2, offset: 8),
        63 => Lift(MoveTarget.ByAmount, args.Arg1, args.Arg2, amount: -args.Arg3 * 8),
        64 => Lift(MoveTarget.HighestNeighbourFloor, args.Arg1, args.Arg2),
        65 => Lift(MoveTarget.ByAmount, args.Arg1, args.Arg2, amount: args.Arg3 * 8),
        172 => Lift(MoveTarget.NextHigherFloor, args.Arg1, args.Arg2),
        206 => Lift(MoveTarget.LowestNeighbourFloor, args.Arg1, args.Arg2, offset: args.Arg3),
        207 => Perpetual(args.Arg1, lip: args.Arg3),
        228 => new SectorMove(false, MoveTarget.NextHigherFloor, MoveKind.Permanent, Speed: Eighths(args.Arg1), ClearsSpecial: true),
        230 => Floor(MoveTarget.ByAmount, args.Arg1, args.Arg2 * 8),

        // EV_DoElevator: FloorAndCeiling_LowerByValue and _RaiseByValue (tag, speed, height), Elevator_RaiseToNearest,
        // _MoveToFloor (the floor in front of the line that calls it) and _LowerToNearest (tag, speed).
        95 => Elevator(MoveTarget.ByAmount, args.Arg1, -args.Arg2),
        96 => Elevator(MoveTarget.ByAmount, args.Arg1, args.Arg2),
        245 => Elevator(MoveTarget.NextHigherFloor, args.Arg1),
        246 => Elevator(MoveTarget.LineFrontFloor, args.Arg1),
        247 => Elevator(MoveTarget.NextLowerFloor, args.Arg1),
        _ => null,
    };

    /// <summary>
    /// Whether a Hexen/ZDoom-numbered special may move the floor or ceiling of the sectors its first argument tags: any of
    /// ZDoom's door, floor, ceiling, plat, stairs, pillar, crusher, waggle and elevator specials (actionspecials.h),
    /// whether <see cref="FindHexen"/> models it or not.
    /// </summary>
    public static bool MayMoveHexen(int special) => HexenSectorMovers.Contains(special);

    private static readonly FrozenSet<int> HexenSectorMovers = FrozenSet.ToFrozenSet(
    [
        10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 35, 36, 37, 38, 40, 41, 42, 43, 45, 47, 60,
        62, 63, 64, 65, 66, 67, 68, 69, 94, 95, 96, 97, 99, 104, 105, 106, 138, 168, 169, 172, 192, 193, 194, 195, 196, 197,
        198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 217, 228, 230, 231, 238, 239, 240, 241, 242, 245, 246, 247, 249,
        250, 251, 252, 253, 254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272,
        273, 274, 279, 280, 284,
    ]);

    // SPEED(): a line's speed argument is in eighths of a unit a tic.
    private static int Eighths(int speed) => Math.Max(1, speed / 8);

    private static SectorMove Floor(MoveTarget target, int speed, int amount = 0, int offset = 0) =>
        new(false, target, MoveKind.Permanent, amount, Eighths(speed), Offset: offset);

    private static SectorMove Elevator(MoveTarget target, int speed, int amount = 0) =>
        new(false, target, MoveKind.Permanent, amount, Eighths(speed), Elevator: true);

    private static SectorMove Ceiling(MoveTarget target, int speed, int amount = 0, int offset = 0) =>
        new(true, target, MoveKind.Permanent, amount, Eighths(speed), Offset: offset);

    private static SectorMove Stairs(int step, int speed) => new(false, MoveTarget.ByAmount, MoveKind.Stairs, step, Eighths(speed)) { FineSpeed = speed > 0 ? speed / 8.0 : null };

    private static SectorMove Instant(bool ceiling, MoveTarget target, int amount = 0, int offset = 0) =>
        new(ceiling, target, MoveKind.Permanent, amount, SectorMove.InstantSpeed, Offset: offset);

    // A plat that leaves its floor for the target, waits its delay (in tics) there and comes back.
    private static SectorMove Lift(MoveTarget target, int speed, int delay, int amount = 0, int offset = 0) =>
        new(false, target, MoveKind.Cycle, amount, Eighths(speed), ReturnAfter: Math.Max(1, delay), Offset: offset);

    // EV_DoPlat perpetualRaise: between the lowest floor around plus the lip and the highest, up and down for good.
    private static SectorMove Perpetual(int speed, int lip) =>
        new(false, MoveTarget.LowestNeighbourFloor, MoveKind.Cycle, Speed: Eighths(speed), Perpetual: true, Offset: lip);

    // Generic_Door (tag, speed, kind, delay, lock): kinds 0 open-wait-close and 1 open count as open, 3 closes; 2
    // (close, wait, open) ends where it began.
    private static SectorMove? GenericDoor(SpecialArgs args) => (args.Arg2 & 63) switch
    {
        0 or 1 => new SectorMove(true, MoveTarget.DoorOpen, MoveKind.Permanent, Speed: Eighths(args.Arg1)),
        3 => new SectorMove(true, MoveTarget.OwnFloor, MoveKind.Permanent, Speed: Eighths(args.Arg1)),
        _ => null,
    };

    // Generic_Floor (tag, speed, height, target, flags): flag 8 raises; targets 1-6 as LS_Generic_Floor picks them, 0 by
    // the height; the ceiling targets keep the height as their gap; 6 raising goes by the shortest lower texture. Lowering
    // to the highest floor around with a height, and lowering by the texture, are left out.
    private static SectorMove? GenericFloor(SpecialArgs args)
    {
        var up = (args.Arg4 & 8) != 0;
        return args.Arg3 switch
        {
            1 when up || args.Arg2 == 0 => Floor(MoveTarget.HighestNeighbourFloor, args.Arg1),
            2 => Floor(MoveTarget.LowestNeighbourFloor, args.Arg1),
            3 => Floor(up ? MoveTarget.NextHigherFloor : MoveTarget.NextLowerFloor, args.Arg1),
            4 => Floor(MoveTarget.LowestNeighbourCeiling, args.Arg1, offset: up ? -args.Arg2 : 0),
            5 => Floor(MoveTarget.OwnCeiling, args.Arg1, offset: -args.Arg2),
            6 when up => Floor(MoveTarget.ShortestLowerTexture, args.Arg1),
            0 or > 6 => Floor(MoveTarget.ByAmount, args.Arg1, up ? args.Arg2 : -args.Arg2),
            _ => null,
        };
    }

    // Generic_Ceiling (tag, speed, height, target, flags): as Generic_Floor, for the ceiling's targets (LS_Generic_Ceiling);
    // the next ceiling around and the texture targets are left out.
    private static SectorMove? GenericCeiling(SpecialArgs args)
    {
        var up = (args.Arg4 & 8) != 0;
        return args.Arg3 switch
        {
            1 => Ceiling(MoveTarget.HighestNeighbourCeiling, args.Arg1),
            2 => Ceiling(MoveTarget.LowestNeighbourCeiling, args.Arg1),
            4 => Ceiling(MoveTarget.HighestNeighbourFloor, args.Arg1, offset: up ? 0 : args.Arg2),
            5 => Ceiling(MoveTarget.OwnFloor, args.Arg1, offset: args.Arg2),
            0 or > 6 => Ceiling(MoveTarget.ByAmount, args.Arg1, up ? args.Arg2 : -args.Arg2),
            _ => null,
        };
    }

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
        Add(new(false, MoveTarget.NextHigherFloor, MoveKind.Permanent, Speed: 4), 129, 130, 131, 132);
        Add(new(false, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent), 19, 45, 83, 102);
        Add(new(false, MoveTarget.LowestNeighbourFloor, MoveKind.Permanent), 23, 37, 38, 60, 82, 84, 159, 177);
        Add(new(false, MoveTarget.ShortestLowerTexture, MoveKind.Permanent), 30, 96, 158, 176);
        Add(new(false, MoveTarget.HighestNeighbourFloorAdjusted, MoveKind.Permanent, 8, Speed: 4), 36, 70, 71, 98);
        Add(new(false, MoveTarget.LowestNeighbourCeilingMinus8, MoveKind.Permanent), 55, 56, 65, 94);
        Add(new(false, MoveTarget.ByAmount, MoveKind.Permanent, 24), 58, 59, 92, 93, 160, 161, 179, 180);
        Add(new(false, MoveTarget.ByAmount, MoveKind.Permanent, 512), 140, 142, 147, 178);
        Add(new(false, MoveTarget.NextLowerFloor, MoveKind.Permanent), 219, 220, 221, 222);

        // Elevators (ELEVATORSPEED 4): floor and ceiling together, up or down to the next floor around, or to the floor in
        // front of the switch that calls them (GZDoom's xlat: Elevator_RaiseToNearest, _LowerToNearest, _MoveToFloor).
        Add(new(false, MoveTarget.NextHigherFloor, MoveKind.Permanent, Speed: 4, Elevator: true), 227, 228, 229, 230);
        Add(new(false, MoveTarget.NextLowerFloor, MoveKind.Permanent, Speed: 4, Elevator: true), 231, 232, 233, 234);
        Add(new(false, MoveTarget.LineFrontFloor, MoveKind.Permanent, Speed: 4, Elevator: true), 235, 236, 237, 238);

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
        Add(new(true, MoveTarget.OwnFloor, MoveKind.Permanent), 41, 43, 145, 152);
        Add(new(true, MoveTarget.OwnFloorPlus8, MoveKind.Permanent), 44, 72, 167, 187);
        Add(new(true, MoveTarget.LowestNeighbourCeiling, MoveKind.Permanent), 199, 201, 203, 205);
        Add(new(true, MoveTarget.HighestNeighbourFloor, MoveKind.Permanent), 200, 202, 204, 206);

        // Stairs and donuts.
        Add(new(false, MoveTarget.ByAmount, MoveKind.Stairs, 8) { FineSpeed = 0.25 }, 7, 8, 256, 258);
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
        // EV_DoGenStairs: a quarter, a half, two or four units a tic.
        return new SectorMove(false, MoveTarget.ByAmount, MoveKind.Stairs, (special & 0x100) != 0 ? step : -step, Math.Max(1, speed / 2))
        {
            FineSpeed = speed <= 2 ? speed / 4.0 : speed / 2.0,
        };
    }
}
