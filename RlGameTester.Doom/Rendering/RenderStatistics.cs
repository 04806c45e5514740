namespace RlGameTester.Doom.Rendering;

/// <summary>What drawing one view took, against vanilla's limits, and what it could not draw.</summary>
/// <param name="Visplanes">Floor and ceiling planes made.</param>
/// <param name="DrawSegs">Wall ranges stored.</param>
/// <param name="VisSprites">Sprites projected into the view.</param>
/// <param name="Openings">Clip-array entries used by walls (sprite clipping, masked textures).</param>
/// <param name="SolidSegs">The most solid wall ranges held at once, with the two sentinels vanilla counts.</param>
/// <param name="SubsectorsVisited">Subsectors the BSP walk reached.</param>
/// <param name="MissingTextureColumns">Wall columns where a needed upper, lower or one-sided middle texture is missing: Doom leaves them undrawn (hall of mirrors).</param>
/// <param name="MissingTextureColumnsAtMovers">Of those, the columns of lines beside a sector the level may move (a door, a
/// lift: <see cref="Specials.MovableSectors"/>): drawn as the level starts, which a player there may never see.</param>
/// <param name="MissingFlatPlanes">Visplanes not drawn because their flat is missing.</param>
/// <param name="SkyPixels">Pixels drawn as sky.</param>
/// <param name="UndrawnPixels">Pixels of the view no drawing reached (what the missing textures and flats really leave:
/// a missing upper or lower texture often shows the plane behind it instead, Doom's "flat bleeding").</param>
public sealed record RenderStatistics(
    LimitUse Visplanes,
    LimitUse DrawSegs,
    LimitUse VisSprites,
    LimitUse Openings,
    LimitUse SolidSegs,
    int SubsectorsVisited,
    int MissingTextureColumns,
    int MissingTextureColumnsAtMovers,
    int MissingFlatPlanes,
    int SkyPixels,
    int UndrawnPixels)
{
    /// <summary>True when any vanilla limit was passed: vanilla would have crashed, quit or drawn the view wrongly.</summary>
    public bool AnyOverflow => Visplanes.Overflowed || DrawSegs.Overflowed || VisSprites.Overflowed || Openings.Overflowed || SolidSegs.Overflowed;
}
