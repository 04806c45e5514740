namespace RlGameTester.Doom.Specials;

/// <summary>Where a line special moves the floor or ceiling of each sector it acts on.</summary>
/// <param name="Ceiling">The ceiling moves (doors, ceilings); otherwise the floor.</param>
/// <param name="Target">Where it stops.</param>
/// <param name="Kind">Once, back and forth, stairs or donut.</param>
/// <param name="Amount">For <see cref="MoveTarget.ByAmount"/> and stairs: units (negative for down).</param>
/// <param name="Speed">Units per tic, to time the wait for it (doors 2, fast 8; floors 1, fast 4; lifts 4, fast 8).</param>
/// <param name="ClearsSpecial">The sector loses its special when the move starts (Doom's raise-and-change platforms end nukage damage).</param>
/// <param name="Perpetual">A cycling platform that runs between the lowest and highest neighbour floors.</param>
/// <param name="ReturnAfter">
/// For a lift: the tics it waits at its far end before it goes back to where it was (PLATWAIT, 105 for Doom's); 0 for a
/// move that does not come back by itself.
/// </param>
/// <param name="BySpecials">
/// For stairs: Hexen's rule (EV_BuildStairs with its use-specials flag), each next step the neighbour whose sector special
/// is the other of Stairs_Special1 and Stairs_Special2 (<see cref="StairsSpecial1"/>, 27) from the step's own; Doom's
/// stairs follow the lines a step fronts and its floor flat.
/// </param>
/// <param name="Elevator">
/// The ceiling goes with the floor, the sector keeping its height (EV_DoElevator: Boom's elevators 227-238, ZDoom's
/// Elevator_* and FloorAndCeiling_Lower/RaiseByValue); a floor move of <see cref="MoveKind.Permanent"/> kind.
/// </param>
/// <param name="Offset">
/// Added to a target found from the sectors' heights (not to <see cref="MoveTarget.ByAmount"/> or
/// <see cref="MoveTarget.Absolute"/>): a ZDoom lift's lip above the lowest floor, a plane's gap short of the other.
/// </param>
public sealed record SectorMove(bool Ceiling, MoveTarget Target, MoveKind Kind, int Amount = 0, int Speed = 1, bool ClearsSpecial = false, bool Perpetual = false, int ReturnAfter = 0, int Offset = 0, bool BySpecials = false, bool Elevator = false)
{
    /// <summary>Hexen's sector special Stairs_Special1; Stairs_Special2 is the next number.</summary>
    public const int StairsSpecial1 = 26;

    /// <summary>The stairs sector special a Hexen staircase looks for after a step with <paramref name="special"/>.</summary>
    public static int NextStairsSpecial(int special) => (special & 0xFF) == StairsSpecial1 ? StairsSpecial1 + 1 : StairsSpecial1;

    /// <summary>The speed of a move that gets there in one tic (ZDoom's instant floors and ceilings).</summary>
    public const int InstantSpeed = 1 << 16;

    /// <summary>PLATWAIT * TICRATE: vanilla's lifts wait three seconds at the bottom.</summary>
    public const int LiftWait = 105;

    /// <summary>A lift that leaves its rest height when called and comes back to it by itself.</summary>
    public bool IsTimedLift => Kind == MoveKind.Cycle && !Perpetual && ReturnAfter > 0;

    /// <summary>
    /// The tics from the call until a timed lift is back at rest: down its <paramref name="distance"/>, its wait, and up
    /// again (T_PlatRaise moves <see cref="Speed"/> units a tic and counts the wait down from the tic it arrives).
    /// </summary>
    public int CycleTics(int distance) => TravelTics(distance) + ReturnAfter + TravelTics(distance);

    /// <summary>
    /// Units a tic where a move is slower than a unit or between two whole ones (Doom's stairs build at a quarter of a unit
    /// a tic, Boom's slow and normal generalised ones at a quarter and a half), else null: <see cref="Speed"/> then.
    /// </summary>
    public double? FineSpeed { get; init; }

    /// <summary>The speed a plane travels at, units a tic: <see cref="FineSpeed"/> where there is one.</summary>
    public double UnitsPerTic => FineSpeed is > 0 and var fine ? fine : Math.Max(1, Speed);

    /// <summary>The whole tics a plane takes to move <paramref name="distance"/> units at <see cref="UnitsPerTic"/>.</summary>
    public int TravelTics(int distance) => (int)Math.Ceiling(distance / UnitsPerTic);
}
