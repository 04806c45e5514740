namespace RlGameTester.Doom.Specials;

/// <summary>How a special leaves the sectors it moves.</summary>
public enum MoveKind
{
    /// <summary>The plane moves once and stays (doors that reclose are treated as open: a player walks through while they are).</summary>
    Permanent,

    /// <summary>
    /// The floor goes between two heights and back (lifts, perpetual platforms): a player can be carried either way,
    /// so both heights count. <see cref="SectorMove.Target"/> is the low end; the high end is the current floor
    /// (for perpetual platforms, the highest neighbour floor).
    /// </summary>
    Cycle,

    /// <summary>A staircase: the tagged sector rises by <see cref="SectorMove.Amount"/>, each next step by as much again.</summary>
    Stairs,

    /// <summary>A donut: the pillar (tagged sector) lowers and the ring around it rises to the outer sector's floor.</summary>
    Donut,
}
