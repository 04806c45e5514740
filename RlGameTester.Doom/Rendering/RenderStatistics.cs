namespace RlGameTester.Doom.Rendering;

/// <summary>What drawing one view took, against vanilla's limits, and what it could not draw.</summary>
/// <param name="Visplanes">Floor and ceiling planes made.</param>
/// <param name="DrawSegs">Wall ranges stored.</param>
/// <param name="VisSprites">Sprites projected into the view.</param>
/// <param name="Openings">Clip-array entries used by walls (sprite clipping, masked textures).</param>
/// <param name="SolidSegs">The most solid wall ranges held at once, with the two sentinels vanilla counts.</param>
/// <param name="SubsectorsVisited">Subsectors the BSP walk reached.</param>
/// <param name="MissingTextureColumns">Wall columns where a needed upper, lower or one-sided middle texture is missing: Doom leaves them undrawn (hall of mirrors).</param>
/// <param name="MissingFlatPlanes">Visplanes not drawn because their flat is missing.</param>
/// <param name="SkyPixels">Pixels drawn as sky.</param>
public sealed record RenderStatistics(
    LimitUse Visplanes,
    LimitUse DrawSegs,
    LimitUse VisSprites,
    LimitUse Openings,
    LimitUse SolidSegs,
    int SubsectorsVisited,
    int MissingTextureColumns,
    int MissingFlatPlanes,
    int SkyPixels)
{
    /// <summary>True when any vanilla limit was passed: vanilla would have crashed, quit or drawn the view wrongly.</summary>
    public bool AnyOverflow => Visplanes.Overflowed || DrawSegs.Overflowed || VisSprites.Overflowed || Openings.Overflowed || SolidSegs.Overflowed;
}
