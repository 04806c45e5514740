namespace RlGameTester.Doom.Specials;

/// <summary>Where a moving floor or ceiling stops, as Doom's sector thinkers compute it when the special starts.</summary>
public enum MoveTarget
{
    /// <summary>The plane does not end up anywhere new (crushers, stop lines, close-wait-open doors).</summary>
    None,

    /// <summary>The lowest floor of the sector and its neighbours (P_FindLowestFloorSurrounding).</summary>
    LowestNeighbourFloor,

    /// <summary>The highest floor of the neighbours, not counting the sector itself (P_FindHighestFloorSurrounding).</summary>
    HighestNeighbourFloor,

    /// <summary>
    /// The highest neighbour floor plus <see cref="SectorMove.Amount"/> when that is not the current height: Doom's turbo
    /// lower (+8), ZDoom's Floor_LowerToHighest adjust (EV_DoFloor's floorLowerToHighest).
    /// </summary>
    HighestNeighbourFloorAdjusted,

    /// <summary>The lowest neighbour floor above the current one (P_FindNextHighestFloor); stays when there is none.</summary>
    NextHigherFloor,

    /// <summary>The highest neighbour floor below the current one (Boom); stays when there is none.</summary>
    NextLowerFloor,

    /// <summary>The lowest ceiling of the sector and its neighbours (never above the sector's own ceiling).</summary>
    LowestNeighbourCeiling,

    /// <summary>The lowest neighbour ceiling minus 8 (crushing floors).</summary>
    LowestNeighbourCeilingMinus8,

    /// <summary>The highest ceiling of the neighbours.</summary>
    HighestNeighbourCeiling,

    /// <summary>The sector's own floor (a ceiling closing).</summary>
    OwnFloor,

    /// <summary>The sector's own floor plus 8 (a ceiling lowering to crush height).</summary>
    OwnFloorPlus8,

    /// <summary>The sector's own ceiling (a floor raised to close the sector, Boom).</summary>
    OwnCeiling,

    /// <summary>The current height plus <see cref="SectorMove.Amount"/> (which may be negative).</summary>
    ByAmount,

    /// <summary>The height <see cref="SectorMove.Amount"/> itself (ZDoom's Floor_MoveToValue, Ceiling_MoveToValue).</summary>
    Absolute,

    /// <summary>Up by the height of the shortest lower texture around the sector (approximated without textures).</summary>
    ShortestLowerTexture,

    /// <summary>The floor height of the sector in front of the activating line (Boom's elevators called to a floor).</summary>
    LineFrontFloor,

    /// <summary>A door opening: the lowest neighbour ceiling minus 4.</summary>
    DoorOpen,
}
