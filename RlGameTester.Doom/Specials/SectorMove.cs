namespace RlGameTester.Doom.Specials;

/// <summary>Where a line special moves the floor or ceiling of each sector it acts on.</summary>
/// <param name="Ceiling">The ceiling moves (doors, ceilings); otherwise the floor.</param>
/// <param name="Target">Where it stops.</param>
/// <param name="Kind">Once, back and forth, stairs or donut.</param>
/// <param name="Amount">For <see cref="MoveTarget.ByAmount"/> and stairs: units (negative for down).</param>
/// <param name="Speed">Units per tic, to time the wait for it (doors 2, fast 8; floors 1, fast 4; lifts 4, fast 8).</param>
/// <param name="ClearsSpecial">The sector loses its special when the move starts (Doom's raise-and-change platforms end nukage damage).</param>
/// <param name="Perpetual">A cycling platform that runs between the lowest and highest neighbour floors.</param>
public sealed record SectorMove(bool Ceiling, MoveTarget Target, MoveKind Kind, int Amount = 0, int Speed = 1, bool ClearsSpecial = false, bool Perpetual = false);
